import type { IToken } from 'chevrotain';

/** A syntax error in SQL text: Spark's PARSE_SYNTAX_ERROR (or another parse-time code) with line, column and a caret. */
export class ParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
    readonly code: string = 'PARSE_SYNTAX_ERROR',
  ) {
    super(message);
    this.name = 'ParseError';
  }
}

/**
 * Raised by the visitors for input the grammar accepts but Spark rejects (an unknown interval unit, a window name
 * that is not defined): parse.ts turns it into a ParseError with the caret under `token`.
 */
export class VisitError extends Error {
  constructor(
    readonly token: IToken | undefined,
    message: string,
    readonly code = 'PARSE_SYNTAX_ERROR',
  ) {
    super(message);
  }
}

export function caretSnippet(text: string, line: number, column: number): string {
  const src = text.split('\n')[line - 1] ?? '';
  return `== SQL ==\n${src}\n${'-'.repeat(Math.max(0, column - 1))}^^^`;
}

export function caretMessage(text: string, line: number, column: number, near: string, expected: string): string {
  return `[PARSE_SYNTAX_ERROR] Syntax error at or near ${near} (line ${line}, column ${column})${expected ? `: ${expected}` : ''}\n\n` + caretSnippet(text, line, column);
}
