import { exprName, type Expr } from '../expr/ast.js';
import type { Bound } from '../eval/bound.js';
import { widerType } from '../eval/coercion.js';
import { sqlTypeName } from '../eval/types.js';
import type { LogicalPlan } from '../plan/logical.js';
import { StringType, type DataType } from '../types/data-types.js';
import { parseType } from '../types/parse-type.js';
import type { Attribute } from './attribute.js';
import { AnalysisError } from './errors.js';
import type { ResolvedPlan } from './resolved.js';

type UnpivotPlan = Extract<LogicalPlan, { kind: 'unpivot' }>;

const outputName = (e: Expr): string => (e.kind === 'alias' ? e.name : exprName(e));
const castTo = (b: Bound, type: string): Bound => (b.type === type ? b : { kind: 'cast', child: b, type, ansi: true });

/**
 * UNPIVOT / df.unpivot: one output row per input row and value group — the id columns, the group's name in the
 * variable column, and its values — as an Expand over the child (one pass, no union of rescans). Each value
 * position takes the least common type of its columns, without string promotion (Spark's
 * UNPIVOT_VALUE_DATA_TYPE_MISMATCH otherwise). EXCLUDE NULLS drops the rows whose values are all NULL.
 */
export function analyzeUnpivot(
  plan: UnpivotPlan,
  analyze: (p: LogicalPlan) => ResolvedPlan,
  resolveOver: (e: Expr, input: Attribute[]) => Bound,
): ResolvedPlan {
  const child = analyze(plan.child);
  const width = plan.valueColumns.length;
  const named = (e: Expr) => (e.kind === 'column' ? e.name.toLowerCase() : null);
  let ids = plan.ids;
  let values = plan.values;
  if (values === null) {
    // df.unpivot(ids, null, ...): every column that is not an id.
    const idNames = new Set((ids ?? []).map(named));
    values = child.output.filter((a) => !idNames.has(a.name.toLowerCase())).map((a) => ({ exprs: [{ kind: 'column', name: a.name }], name: null }));
  }
  if (ids === null) {
    // SQL: every column that is not unpivoted is an id.
    const used = new Set(values.flatMap((v) => v.exprs.map(named)));
    ids = child.output.filter((a) => !used.has(a.name.toLowerCase())).map((a): Expr => ({ kind: 'column', name: a.name }));
  }
  if (values.length === 0) throw new AnalysisError('UNPIVOT_REQUIRES_VALUE_COLUMNS', 'At least one value column needs to be specified for UNPIVOT, all columns specified as ids.');
  for (const v of values) {
    if (v.exprs.length !== width) {
      throw new AnalysisError('UNPIVOT_VALUE_SIZE_MISMATCH', `All unpivot value columns must have the same size as there are value column names (${width}).`);
    }
  }
  const idBound = ids.map((e) => resolveOver(e, child.output));
  const valueBound = values.map((v) => v.exprs.map((e) => resolveOver(e, child.output)));
  const types: DataType[] = [];
  for (let j = 0; j < width; j++) {
    const column = valueBound.map((g) => parseType(g[j]!.type));
    const t = column.reduce<DataType | null>((acc, x) => (acc === null ? null : widerType(acc, x, false)), column[0]!);
    if (!t) {
      const listed = values.map((v, i) => `"${sqlTypeName(column[i]!)}" (\`${exprName(v.exprs[j]!)}\`)`).join(', ');
      throw new AnalysisError('UNPIVOT_VALUE_DATA_TYPE_MISMATCH', `Unpivot value columns must share a least common type, some types do not: [${listed}].`);
    }
    types.push(t);
  }
  const projections: Bound[][] = values.map((v, i) => [
    ...idBound,
    { kind: 'literal', value: v.name ?? v.exprs.map(outputName).join('_'), type: 'string' },
    ...valueBound[i]!.map((b, j) => castTo(b, types[j]!.simpleString())),
  ]);
  const output: Attribute[] = [
    ...ids.map((e, i) => {
      const b = idBound[i]!;
      const src = b.kind === 'input' ? child.output[b.ordinal] : undefined;
      return { name: outputName(e), type: parseType(b.type), nullable: src ? src.nullable : true };
    }),
    { name: plan.variableColumn, type: StringType, nullable: false },
    ...plan.valueColumns.map((name, j) => ({ name, type: types[j]!, nullable: true })),
  ];
  const expand: ResolvedPlan = { kind: 'expand', child, projections, output, interleave: true };
  if (plan.includeNulls) return expand;
  const base = ids.length + 1;
  const condition = plan.valueColumns
    .map((_, j): Bound => ({ kind: 'unary', op: 'isNotNull', child: { kind: 'input', ordinal: base + j, type: types[j]!.simpleString(), nullable: true }, type: 'boolean' }))
    .reduce((a, b) => ({ kind: 'binary', op: 'or', left: a, right: b, type: 'boolean' }));
  return { kind: 'filter', child: expand, condition, output };
}
