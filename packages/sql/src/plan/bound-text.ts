import type { Bound } from '../eval/bound.js';
import type { Attribute } from '../analysis/attribute.js';
import { FIELD, SUBSCRIPT } from '../expr/ast.js';

/** A sort key as explain prints it: `expr ASC NULLS FIRST`. */
export function sortKeyText(o: { expr: Bound; ascending: boolean; nullsFirst: boolean }, input: Attribute[]): string {
  return `${boundText(o.expr, input)} ${o.ascending ? 'ASC' : 'DESC'} NULLS ${o.nullsFirst ? 'FIRST' : 'LAST'}`;
}

/** A bound expression as text, naming inputs by the child's column names (for explain). */
export function boundText(b: Bound, input: Attribute[]): string {
  const t = (x: Bound) => boundText(x, input);
  switch (b.kind) {
    case 'input':
      return input[b.ordinal]?.name ?? `#${b.ordinal}`;
    case 'literal':
      return b.value === null ? 'null' : typeof b.value === 'string' ? `'${b.value}'` : String(b.value);
    case 'unary':
      return b.op === 'not' ? `NOT ${t(b.child)}` : b.op === 'negate' ? `-${t(b.child)}` : `${b.op.replace('is', 'is').toLowerCase()}(${t(b.child)})`;
    case 'binary':
      return `(${t(b.left)} ${b.op.toUpperCase()} ${t(b.right)})`;
    case 'cast':
      return `${b.ansi ? 'cast' : 'try_cast'}(${t(b.child)} as ${b.type})`;
    case 'case':
      return `CASE ${b.branches.map((x) => `WHEN ${t(x.when)} THEN ${t(x.then)}`).join(' ')}${b.otherwise ? ` ELSE ${t(b.otherwise)}` : ''} END`;
    case 'in':
      return `${t(b.child)} IN (${b.list.map(t).join(',')})`;
    case 'call':
      if (b.name === SUBSCRIPT) return `${t(b.args[0]!)}[${t(b.args[1]!)}]`;
      if (b.name === FIELD) return `${t(b.args[0]!)}.${String((b.args[1] as { value?: unknown }).value)}`;
      return `${b.name}(${b.args.map(t).join(', ')})`;
  }
}
