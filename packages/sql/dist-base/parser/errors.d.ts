import type { IToken } from 'chevrotain';
/** A syntax error in SQL text: Spark's PARSE_SYNTAX_ERROR (or another parse-time code) with line, column and a caret. */
export declare class ParseError extends Error {
    readonly line: number;
    readonly column: number;
    readonly code: string;
    constructor(message: string, line: number, column: number, code?: string);
}
/**
 * Raised by the visitors for input the grammar accepts but Spark rejects (an unknown interval unit, a window name
 * that is not defined): parse.ts turns it into a ParseError with the caret under `token`.
 */
export declare class VisitError extends Error {
    readonly token: IToken | undefined;
    readonly code: string;
    constructor(token: IToken | undefined, message: string, code?: string);
}
export declare function caretSnippet(text: string, line: number, column: number): string;
export declare function caretMessage(text: string, line: number, column: number, near: string, expected: string): string;
//# sourceMappingURL=errors.d.ts.map