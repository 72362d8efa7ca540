import type { Bound } from '../../eval/bound.js';
import { compileBound } from '../../eval/evaluate.js';
import { inputsOf, isDeterministic } from '../bound-utils.js';
import { mapExprs } from '../plan-exprs.js';
import type { Rule } from '../rule.js';
import { formatDate, stringToDate } from '../../eval/datetime.js';
import { decimalToString } from '../../eval/decimal.js';
import { parseType } from '../../types/parse-type.js';
import { DecimalType } from '../../types/data-types.js';

// Types whose in-task value is the literal's own value.
const FOLDABLE = new Set(['boolean', 'int', 'bigint', 'double', 'string', 'smallint', 'tinyint', 'float']);

/**
 * The literal value that gives slot `v` back when the literal is evaluated, or undefined when there is none:
 * the slot itself for the types above, the plain decimal text for decimals (read back exactly at the type's
 * scale) and 'YYYY-MM-DD' for dates (checked to parse back to the same day).
 */
function literalValue(v: unknown, type: string): { value: unknown } | undefined {
  if (FOLDABLE.has(type)) return { value: type === 'boolean' ? v === 1 || v === true : v };
  if (type === 'date' && typeof v === 'number') {
    const text = formatDate(v);
    return stringToDate(text) === v ? { value: text } : undefined;
  }
  const t = parseType(type);
  if (t instanceof DecimalType && typeof v === 'bigint') return { value: decimalToString(v, t.scale) };
  return undefined;
}

function fold(b: Bound): Bound {
  if (b.kind === 'literal' || b.kind === 'input') return b;
  const folded = foldChildren(b);
  if (inputsOf(folded).size > 0 || !isDeterministic(folded)) return folded;
  if (!FOLDABLE.has(folded.type) && folded.type !== 'date' && !folded.type.startsWith('decimal')) return folded;
  try {
    const v = compileBound(folded)([], 1);
    if (v.nulls && v.nulls[0]) return { kind: 'literal', value: null, type: folded.type };
    const lit = literalValue(v.values[0], folded.type);
    return lit ? { kind: 'literal', value: lit.value, type: folded.type } : folded;
  } catch {
    return folded; // an error (1/0 under ANSI) is raised when the query runs, not while planning
  }
}

function foldChildren(b: Bound): Bound {
  switch (b.kind) {
    case 'unary':
    case 'cast':
      return { ...b, child: fold(b.child) };
    case 'binary':
      return { ...b, left: fold(b.left), right: fold(b.right) };
    case 'case':
      return { ...b, branches: b.branches.map((x) => ({ when: fold(x.when), then: fold(x.then) })), otherwise: b.otherwise ? fold(b.otherwise) : null };
    case 'in':
      return { ...b, child: fold(b.child), list: b.list.map(fold) };
    case 'call':
      return { ...b, args: b.args.map(fold) };
    default:
      return b;
  }
}

/**
 * Computes expressions that read no column once, while planning: `col('x').gt(lit(1).plus(2))` → `x > 3`, and
 * `date '1994-01-01' + interval '1' year` → `'1995-01-01'` (a date), which would otherwise be cast and added per row.
 */
export const constantFolding: Rule = {
  name: 'ConstantFolding',
  apply: (p) => mapExprs(p, fold),
};
