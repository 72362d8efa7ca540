import type { IToken } from 'chevrotain';
import { VisitError } from './errors.js';

/** One hint of `SELECT /*+ name(arg, ...) ... *\/`: the name upper-cased, arguments as names or numbers. */
export interface Hint {
  name: string;
  args: (string | number)[];
}

const NAME = /^\s*([A-Za-z_][A-Za-z0-9_]*)/;
const ARG = /^\s*(?:`((?:[^`]|``)+)`|([A-Za-z_][A-Za-z0-9_.]*)|(\d+)|'([^']*)')\s*/;

/**
 * Reads a hint comment: hints separated by commas or spaces, each a name with an optional parenthesized argument
 * list (table names, column names, numbers). A malformed hint is a PARSE_SYNTAX_ERROR at the comment.
 */
export function parseHints(token: IToken): Hint[] {
  let rest = token.image.slice(3, -2);
  const out: Hint[] = [];
  const fail = (why: string) => new VisitError(token, `Syntax error in the hint ${token.image}: ${why}`);
  for (;;) {
    rest = rest.replace(/^[\s,]+/, '');
    if (rest === '') return out;
    const m = NAME.exec(rest);
    if (!m) throw fail(`expected a hint name at '${rest.slice(0, 20)}'`);
    rest = rest.slice(m[0].length);
    const hint: Hint = { name: m[1]!.toUpperCase(), args: [] };
    if (/^\s*\(/.test(rest)) {
      rest = rest.replace(/^\s*\(/, '');
      while (!/^\s*\)/.test(rest)) {
        const a = ARG.exec(rest);
        if (!a) throw fail(`expected a name or a number in ${hint.name}(...)`);
        hint.args.push(a[3] !== undefined ? Number(a[3]) : (a[1]?.replace(/``/g, '`') ?? a[2] ?? a[4])!);
        rest = rest.slice(a[0].length).replace(/^,/, '');
      }
      rest = rest.replace(/^\s*\)/, '');
    }
    out.push(hint);
  }
}

/** Join strategy hints Spark knows; only the broadcast ones change Kindling's plan (the others are accepted). */
export const BROADCAST_HINTS = new Set(['BROADCAST', 'BROADCASTJOIN', 'MAPJOIN']);
