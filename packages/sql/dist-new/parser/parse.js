import { caretMessage, caretSnippet, ParseError, VisitError } from './errors.js';
import { SqlParser } from './grammar.js';
import * as T from './lexer.js';
import { sqlLexer } from './lexer.js';
import { statement } from './query-visitor.js';
import { expression, namedExpression, sortItem } from './visitor.js';
export { ParseError } from './errors.js';
// The parser's stages: lexer.ts (tokens) → grammar.ts (CST) → visitor.ts / query-visitor.ts (AST). This module
// runs them and turns every failure into a ParseError with the line, column and a caret.
let parser = null;
function fail(text, tok, expected) {
    if (!tok || tok.tokenType.name === 'EOF' || Number.isNaN(tok.startOffset)) {
        const lines = text.split('\n');
        const line = lines.length;
        const column = (lines[line - 1] ?? '').length + 1;
        throw new ParseError(caretMessage(text, line, column, 'end of input', expected), line, column);
    }
    throw new ParseError(caretMessage(text, tok.startLine, tok.startColumn, `'${tok.image}'`, expected), tok.startLine, tok.startColumn);
}
/** How expected tokens read in messages: symbols for punctuation, words for literals and names. */
const TOKEN_TEXT = {
    LParen: "'('", RParen: "')'", Comma: "','", Dot: "'.'", Semicolon: "';'", Star: "'*'", Plus: "'+'", Minus: "'-'",
    Slash: "'/'", Percent: "'%'", Eq: "'='", NotEq: "'<>'", NullSafeEq: "'<=>'", Lt: "'<'", LtEq: "'<='", Gt: "'>'",
    GtEq: "'>='", Concat: "'||'", Colon: "':'", IntegerLiteral: 'a number', DecimalLiteral: 'a number',
    StringLiteral: 'a string', Identifier: 'a name', QuotedIdentifier: 'a name', IdentifierLike: 'a name', EOF: 'the end of the statement',
};
function expectedOf(e) {
    if (e.name === 'NotAllInputParsedException')
        return 'expected the end of the statement (or the next clause: FROM, WHERE, GROUP BY, ORDER BY, ...)';
    const m = /Expecting:?\s*(?:one of these possible Token sequences:)?([\s\S]*?)but found/.exec(e.message);
    if (!m)
        return '';
    const raw = [...m[1].matchAll(/\[([^\]]+)\]/g)].map((x) => x[1].split(',')[0].trim());
    const single = /-->\s*(\w+)\s*<--/.exec(m[1]);
    if (!raw.length && single)
        raw.push(single[1]);
    const names = [...new Set(raw.map((x) => TOKEN_TEXT[x] ?? x))].slice(0, 8);
    return names.length ? `expected ${names.join(', ')}` : '';
}
function lex(text) {
    const lexed = sqlLexer.tokenize(text);
    if (lexed.errors.length) {
        const e = lexed.errors[0];
        const ch = text.slice(e.offset, e.offset + 1);
        const line = e.line ?? 1;
        const column = e.column ?? 1;
        const what = ch === "'" || ch === '"' ? 'a string literal is not closed' : ch === '`' ? 'a back-quoted name is not closed' : 'unexpected character';
        throw new ParseError(caretMessage(text, line, column, `'${ch}'`, what), line, column);
    }
    return lexed.tokens;
}
/** Runs one grammar rule over `tokens` (a slice of `text`'s tokens) and builds its AST. */
function run(text, tokens, rule, build) {
    parser ??= new SqlParser();
    try {
        parser.input = tokens;
        const cst = parser[rule]();
        if (parser.errors.length) {
            const e = parser.errors[0];
            fail(text, e.token, expectedOf(e));
        }
        return build(cst);
    }
    catch (e) {
        if (e instanceof VisitError) {
            const t = e.token;
            const line = t?.startLine ?? 1;
            const column = t?.startColumn ?? 1;
            throw new ParseError(`[${e.code}] ${e.message} (line ${line}, column ${column})\n\n${caretSnippet(text, line, column)}`, line, column, e.code);
        }
        if (e instanceof RangeError) {
            throw new ParseError(`[PARSE_SYNTAX_ERROR] the statement is nested too deeply to parse (${e.message}); simplify it or split it with views`, 1, 1);
        }
        throw e;
    }
}
function parseWith(text, rule, build) {
    return run(text, lex(text), rule, build);
}
/** One SQL expression: `a + 1 > b`, `upper(name)`, `CASE WHEN x IS NULL THEN 0 ELSE x END`. */
export function parseExpression(text) {
    return parseWith(text, 'expression', expression);
}
/** selectExpr items: `a`, `b * 2 AS twice`, `count(*) n`. */
export function parseNamedExpressions(text) {
    return parseWith(text, 'namedExpressionList', (cst) => cst.children.namedExpression.map(namedExpression));
}
/** An ORDER BY item: `a DESC NULLS FIRST`. */
export function parseSortItem(text) {
    return parseWith(text, 'sortItem', sortItem);
}
/**
 * SET [key[=value]]: as in Spark, the value is the raw text after `=` (so `SET a.b=some text` works, quotes and
 * all), and the key the text before it.
 */
function setStatement(rest) {
    const body = rest.trim();
    if (!body)
        return { kind: 'set', key: null, value: null };
    const eq = body.indexOf('=');
    if (eq < 0)
        return { kind: 'set', key: body, value: null };
    const key = body.slice(0, eq).trim();
    if (!key)
        throw new ParseError(`[PARSE_SYNTAX_ERROR] SET needs a configuration key before '=': SET key=value`, 1, 1);
    return { kind: 'set', key, value: body.slice(eq + 1).trim() };
}
/** The text after a leading SET keyword (comments and whitespace before it skipped), or null. */
function setRest(text) {
    const m = /^(?:\s+|--[^\n]*|\/\*[\s\S]*?\*\/)*set(?![A-Za-z0-9_])([\s\S]*)$/i.exec(text);
    return m ? m[1].replace(/[\s;]+$/, '') : null;
}
function parseTokens(text, tokens) {
    if (tokens.length === 0)
        fail(text, undefined, 'expected a statement');
    if (tokens[0].tokenType === T.SetKw)
        return setStatement(text.slice(tokens[0].endOffset + 1, tokens[tokens.length - 1].endOffset + 1));
    return run(text, tokens, 'singleStatement', statement);
}
/** One statement (a trailing `;` is allowed). */
export function parseStatement(text) {
    const rest = setRest(text);
    if (rest !== null)
        return setStatement(rest);
    const tokens = lex(text);
    let end = tokens.length;
    while (end > 0 && tokens[end - 1].tokenType === T.Semicolon)
        end--;
    return parseTokens(text, tokens.slice(0, end));
}
function pieces(text) {
    const tokens = lex(text);
    const out = [];
    let cur = [];
    const flush = () => {
        if (!cur.length)
            return;
        const a = cur[0];
        const b = cur[cur.length - 1];
        out.push({ tokens: cur, at: { text: text.slice(a.startOffset, b.endOffset + 1), offset: a.startOffset, line: a.startLine, column: a.startColumn } });
        cur = [];
    };
    for (const t of tokens) {
        if (t.tokenType === T.Semicolon)
            flush();
        else
            cur.push(t);
    }
    flush();
    return out;
}
/**
 * Splits a script at the semicolons between statements (not those inside strings, names or comments), without
 * parsing the statements.
 */
export function splitStatements(text) {
    return pieces(text).map((p) => p.at);
}
/** Parses every statement of a script; a syntax error names its line and column in the whole script. */
export function parseScript(text) {
    return pieces(text).map((p) => ({ ...p.at, statement: parseTokens(text, p.tokens) }));
}
//# sourceMappingURL=parse.js.map