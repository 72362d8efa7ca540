import type { ResolvedPlan } from '../analysis/resolved.js';
import { frameText } from '../expr/window-name.js';
import { boundText, sortKeyText } from './bound-text.js';

type WindowNode = Extract<ResolvedPlan, { kind: 'window' }>;

/** `Window [rank() ROWS BETWEEN ... AS rk, ...], [partition keys], [order keys]`, as Spark's explain shows it. */
export function windowNodeText(n: WindowNode): string {
  const input = n.child.output;
  const added = n.output.slice(input.length);
  const exprs = n.windowExprs.map((w, i) => {
    const args =
      w.name === 'ntile'
        ? String(w.n)
        : w.name === 'lag' || w.name === 'lead'
          ? `${boundText(w.args[0]!, input)}, ${Math.abs(w.n!)}, ${boundText(w.args[1]!, input)}`
          : w.args.map((a) => boundText(a, input)).join(', ');
    return `${w.name}(${args}) ${frameText(w.frame)} AS ${added[i]!.name}`;
  });
  return `Window [${exprs.join(', ')}], [${n.partitionBy.map((b) => boundText(b, input)).join(', ')}], [${orderText(n)}]`;
}

function orderText(n: WindowNode, withPartition = false): string {
  const input = n.child.output;
  const keys = [
    ...(withPartition ? n.partitionBy.map((b) => `${boundText(b, input)} ASC NULLS FIRST`) : []),
    ...n.orderBy.map((o) => sortKeyText(o, input)),
  ];
  return keys.join(', ');
}

/** The physical lines under a Window: the per-partition sort and the exchange that groups the partitions. */
export function windowPhysicalLines(n: WindowNode, shufflePartitions: number): [string, string] {
  const input = n.child.output;
  const exchange = n.partitionBy.length
    ? `Exchange hashpartitioning(${n.partitionBy.map((b) => boundText(b, input)).join(', ')}, ${shufflePartitions})`
    : 'Exchange SinglePartition';
  return [`Sort [${orderText(n, true)}], false`, exchange];
}

type GroupLimitNode = Extract<ResolvedPlan, { kind: 'windowGroupLimit' }>;

/** `WindowGroupLimit [partition keys], [order keys], row_number(), 2`, as Spark's explain shows it. */
export function windowGroupLimitText(n: GroupLimitNode): string {
  const input = n.child.output;
  const order = n.orderBy.map((o) => sortKeyText(o, input));
  return `WindowGroupLimit [${n.partitionBy.map((b) => boundText(b, input)).join(', ')}], [${order.join(', ')}], ${n.rankFunction}(), ${n.limit}`;
}
