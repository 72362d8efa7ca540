import type { IRecognitionException, IToken } from 'chevrotain';
import type { Expr } from '../expr/ast.js';
import { ExpressionParser } from './expression-parser.js';
import { sqlLexer } from './lexer.js';
import { namedExpression, sortItem, expression } from './visitor.js';

/** A syntax error in SQL text: Spark's PARSE_SYNTAX_ERROR with line, column and a caret under the spot. */
export class ParseError extends Error {
  readonly code = 'PARSE_SYNTAX_ERROR';
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = 'ParseError';
  }
}

let parser: ExpressionParser | null = null;

function caretMessage(text: string, line: number, column: number, near: string, expected: string): string {
  const src = text.split('\n')[line - 1] ?? '';
  return (
    `[PARSE_SYNTAX_ERROR] Syntax error at or near ${near} (line ${line}, column ${column})${expected ? `: ${expected}` : ''}\n\n` +
    `== SQL ==\n${src}\n${'-'.repeat(Math.max(0, column - 1))}^^^`
  );
}

function fail(text: string, tok: IToken | undefined, expected: string): never {
  if (!tok || tok.tokenType.name === 'EOF' || Number.isNaN(tok.startOffset)) {
    const lines = text.split('\n');
    const line = lines.length;
    const column = (lines[line - 1] ?? '').length + 1;
    throw new ParseError(caretMessage(text, line, column, 'end of input', expected), line, column);
  }
  throw new ParseError(caretMessage(text, tok.startLine!, tok.startColumn!, `'${tok.image}'`, expected), tok.startLine!, tok.startColumn!);
}

function expectedOf(e: IRecognitionException): string {
  const m = /Expecting:?\s*(?:one of these possible Token sequences:)?([\s\S]*?)but found/.exec(e.message);
  if (!m) return '';
  const names = [...new Set([...m[1]!.matchAll(/\[([^\]]+)\]/g)].map((x) => x[1]!.split(',')[0]!.trim()))].slice(0, 8);
  return names.length ? `expected ${names.join(', ')}` : '';
}

type Entry = 'expression' | 'namedExpressionList' | 'sortItem';

function parseWith<T>(text: string, rule: Entry, build: (cst: any) => T): T {
  parser ??= new ExpressionParser();
  const lexed = sqlLexer.tokenize(text);
  if (lexed.errors.length) {
    const e = lexed.errors[0]!;
    const ch = text.slice(e.offset, e.offset + 1);
    throw new ParseError(caretMessage(text, e.line ?? 1, e.column ?? 1, `'${ch}'`, 'unexpected character'), e.line ?? 1, e.column ?? 1);
  }
  parser.input = lexed.tokens;
  const cst = parser[rule]();
  if (parser.errors.length) {
    const e = parser.errors[0]!;
    fail(text, e.token, expectedOf(e));
  }
  return build(cst);
}

/** One SQL expression: `a + 1 > b`, `upper(name)`, `CASE WHEN x IS NULL THEN 0 ELSE x END`. */
export function parseExpression(text: string): Expr {
  return parseWith(text, 'expression', expression);
}

/** selectExpr items: `a`, `b * 2 AS twice`, `count(*) n`. */
export function parseNamedExpressions(text: string): Expr[] {
  return parseWith(text, 'namedExpressionList', (cst) => (cst.children.namedExpression as any[]).map(namedExpression));
}

/** An ORDER BY item: `a DESC NULLS FIRST`. */
export function parseSortItem(text: string): Expr {
  return parseWith(text, 'sortItem', sortItem);
}
