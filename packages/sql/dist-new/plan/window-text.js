import { frameText } from '../expr/window-name.js';
import { boundText } from './bound-text.js';
/** `Window [rank() ROWS BETWEEN ... AS rk, ...], [partition keys], [order keys]`, as Spark's explain shows it. */
export function windowNodeText(n) {
    const input = n.child.output;
    const added = n.output.slice(input.length);
    const exprs = n.windowExprs.map((w, i) => {
        const args = w.name === 'ntile'
            ? String(w.n)
            : w.name === 'lag' || w.name === 'lead'
                ? `${boundText(w.args[0], input)}, ${Math.abs(w.n)}, ${boundText(w.args[1], input)}`
                : w.args.map((a) => boundText(a, input)).join(', ');
        return `${w.name}(${args}) ${frameText(w.frame)} AS ${added[i].name}`;
    });
    return `Window [${exprs.join(', ')}], [${n.partitionBy.map((b) => boundText(b, input)).join(', ')}], [${orderText(n)}]`;
}
function orderText(n, withPartition = false) {
    const input = n.child.output;
    const keys = [
        ...(withPartition ? n.partitionBy.map((b) => `${boundText(b, input)} ASC NULLS FIRST`) : []),
        ...n.orderBy.map((o) => `${boundText(o.expr, input)} ${o.ascending ? 'ASC' : 'DESC'} NULLS ${o.nullsFirst ? 'FIRST' : 'LAST'}`),
    ];
    return keys.join(', ');
}
/** The physical lines under a Window: the per-partition sort and the exchange that groups the partitions. */
export function windowPhysicalLines(n, shufflePartitions) {
    const input = n.child.output;
    const exchange = n.partitionBy.length
        ? `Exchange hashpartitioning(${n.partitionBy.map((b) => boundText(b, input)).join(', ')}, ${shufflePartitions})`
        : 'Exchange SinglePartition';
    return [`Sort [${orderText(n, true)}], false`, exchange];
}
//# sourceMappingURL=window-text.js.map