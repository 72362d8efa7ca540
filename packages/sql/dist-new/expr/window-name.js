/** Window functions that rank rows or look at other rows: they need an ORDER BY and use a fixed frame. */
export const RANKING_FUNCTIONS = ['row_number', 'rank', 'dense_rank', 'percent_rank', 'cume_dist', 'ntile'];
export const OFFSET_FUNCTIONS = ['lag', 'lead'];
/** Window functions over a frame that are not aggregates: they need an ORDER BY; their frame is any. */
export const FRAME_FUNCTIONS = ['nth_value'];
export function isWindowOnlyFunction(name) {
    const n = name.toLowerCase();
    return RANKING_FUNCTIONS.includes(n) || OFFSET_FUNCTIONS.includes(n) || FRAME_FUNCTIONS.includes(n);
}
function boundText(b, lower) {
    if (b === null)
        return lower ? 'UNBOUNDED PRECEDING' : 'UNBOUNDED FOLLOWING';
    if (b === 0)
        return 'CURRENT ROW';
    return `${b} FOLLOWING`;
}
export function frameText(f) {
    return `${f.type === 'rows' ? 'ROWS' : 'RANGE'} BETWEEN ${boundText(f.lower, true)} AND ${boundText(f.upper, false)}`;
}
/**
 * The frame a window function uses when the spec gives none, as Spark: ranking functions ROWS UNBOUNDED
 * PRECEDING..CURRENT ROW; lag/lead the one row at their offset; aggregates RANGE UNBOUNDED PRECEDING..CURRENT ROW
 * with an ORDER BY (peers included), else the whole partition.
 */
export function defaultFrame(fn, spec) {
    const name = fn.kind === 'call' ? fn.name.toLowerCase() : '';
    if (RANKING_FUNCTIONS.includes(name))
        return { type: 'rows', lower: null, upper: 0 };
    if (OFFSET_FUNCTIONS.includes(name) && fn.kind === 'call') {
        const a = fn.args[1];
        const off = a && a.kind === 'literal' && typeof a.value === 'number' ? a.value : 1;
        const at = name === 'lag' ? -off : off;
        return { type: 'rows', lower: at, upper: at };
    }
    if (spec.orderBy.length)
        return { type: 'range', lower: null, upper: 0 };
    return { type: 'rows', lower: null, upper: null };
}
/** Spark's column name for a window expression: `rank() OVER (PARTITION BY a ORDER BY b ASC NULLS FIRST ROWS ...)`. */
export function windowExprName(fn, spec, name) {
    const parts = [];
    if (spec.partitionBy.length)
        parts.push(`PARTITION BY ${spec.partitionBy.map(name).join(', ')}`);
    if (spec.orderBy.length) {
        const order = spec.orderBy.map((o) => (o.kind === 'sortOrder' ? name(o) : `${name(o)} ASC NULLS FIRST`));
        parts.push(`ORDER BY ${order.join(', ')}`);
    }
    parts.push(frameText(spec.frame ?? defaultFrame(fn, spec)));
    return `${name(fn)} OVER (${parts.join(' ')})`;
}
//# sourceMappingURL=window-name.js.map