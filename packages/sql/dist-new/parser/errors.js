/** A syntax error in SQL text: Spark's PARSE_SYNTAX_ERROR (or another parse-time code) with line, column and a caret. */
export class ParseError extends Error {
    line;
    column;
    code;
    constructor(message, line, column, code = 'PARSE_SYNTAX_ERROR') {
        super(message);
        this.line = line;
        this.column = column;
        this.code = code;
        this.name = 'ParseError';
    }
}
/**
 * Raised by the visitors for input the grammar accepts but Spark rejects (an unknown interval unit, a window name
 * that is not defined): parse.ts turns it into a ParseError with the caret under `token`.
 */
export class VisitError extends Error {
    token;
    code;
    constructor(token, message, code = 'PARSE_SYNTAX_ERROR') {
        super(message);
        this.token = token;
        this.code = code;
    }
}
export function caretSnippet(text, line, column) {
    const src = text.split('\n')[line - 1] ?? '';
    return `== SQL ==\n${src}\n${'-'.repeat(Math.max(0, column - 1))}^^^`;
}
export function caretMessage(text, line, column, near, expected) {
    return `[PARSE_SYNTAX_ERROR] Syntax error at or near ${near} (line ${line}, column ${column})${expected ? `: ${expected}` : ''}\n\n` + caretSnippet(text, line, column);
}
//# sourceMappingURL=errors.js.map