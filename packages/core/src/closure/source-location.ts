/** Line/column of an offset within a function's source, and a caret snippet of that line, for messages. */
export interface SourceLocation {
  /** 1-based line within the function source. */
  readonly line: number;
  /** 1-based column within that line. */
  readonly column: number;
  /** Two lines: the source line (shortened around the column if long) and a caret under the column. */
  readonly snippet: string;
}

const WINDOW = 72;

export function locate(source: string, offset: number): SourceLocation {
  const at = Math.max(0, Math.min(offset, source.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  let lineEnd = source.indexOf('\n', lineStart);
  if (lineEnd < 0) lineEnd = source.length;
  const column = at - lineStart + 1;

  let text = source.slice(lineStart, lineEnd).replace(/\r$/, '');
  let caretAt = column - 1;
  // Minified sources (tsx, esbuild) put a whole function on one line: show a window around the column.
  if (text.length > WINDOW) {
    const from = Math.max(0, caretAt - Math.floor(WINDOW / 2));
    const to = Math.min(text.length, from + WINDOW);
    text = (from > 0 ? '…' : '') + text.slice(from, to) + (to < text.length ? '…' : '');
    caretAt = caretAt - from + (from > 0 ? 1 : 0);
  }
  const gutter = String(line);
  const pad = ' '.repeat(gutter.length);
  const caretLead = text.slice(0, caretAt).replace(/[^\t]/g, ' ');
  const snippet = `    ${gutter} | ${text}\n    ${pad} | ${caretLead}^`;
  return { line, column, snippet };
}
