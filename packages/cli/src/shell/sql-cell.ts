/** The SQL of a `%sql` cell, or null when the cell is code. */
export function sqlCellText(cell: string): string | null {
  const m = /^%sql\b([\s\S]*)$/.exec(cell.trimStart());
  return m ? m[1]!.trim() : null;
}

/**
 * Whether SQL text needs more lines: an open quote, back-quote, comment or bracket always does; in SQL mode a cell
 * also runs only once it ends with `;` (as spark-sql's prompt), so statements can span lines freely.
 */
export function isIncompleteSql(text: string, sqlMode: boolean): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'" || c === '"' || c === '`') {
      const end = closing(text, i + 1, c);
      if (end < 0) return true;
      i = end;
    } else if (c === '-' && text[i + 1] === '-') {
      const nl = text.indexOf('\n', i);
      if (nl < 0) break;
      i = nl;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return true;
      i = end + 1;
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
  }
  if (depth > 0) return true;
  return sqlMode && !/;\s*$/.test(stripTrailingComments(text));
}

function closing(text: string, from: number, q: string): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\' && q !== '`') i++;
    else if (text[i] === q) {
      if (text[i + 1] === q) i++; // a doubled quote is the quote itself
      else return i;
    }
  }
  return -1;
}

function stripTrailingComments(text: string): string {
  return text.replace(/(--[^\n]*\s*)+$/, '').trimEnd();
}
