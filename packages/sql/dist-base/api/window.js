import { Column } from './column.js';
import { col } from './functions.js';
const toExpr = (c) => (typeof c === 'string' ? col(c).expr : c.expr);
// Frame bounds as Spark's: anything at or beyond these is unbounded (PySpark uses Java's Long.MIN/MAX_VALUE; a JS
// number cannot hold those exactly, so the thresholds are the largest safe integers).
const UNBOUNDED_PRECEDING = Number.MIN_SAFE_INTEGER;
const UNBOUNDED_FOLLOWING = Number.MAX_SAFE_INTEGER;
function bound(v, which) {
    const n = typeof v === 'bigint' ? (v <= BigInt(UNBOUNDED_PRECEDING) ? -Infinity : v >= BigInt(UNBOUNDED_FOLLOWING) ? Infinity : Number(v)) : v;
    if (Number.isNaN(n) || (Number.isFinite(n) && !Number.isInteger(n))) {
        throw new RangeError(`window frame ${which} must be an integer, Window.unboundedPreceding/unboundedFollowing or Window.currentRow; got ${String(v)}`);
    }
    if (n <= UNBOUNDED_PRECEDING) {
        if (which === 'end')
            throw new RangeError('a window frame cannot end at Window.unboundedPreceding');
        return null;
    }
    if (n >= UNBOUNDED_FOLLOWING) {
        if (which === 'start')
            throw new RangeError('a window frame cannot start at Window.unboundedFollowing');
        return null;
    }
    return n;
}
function frame(type, start, end) {
    const lower = bound(start, 'start');
    const upper = bound(end, 'end');
    if (lower !== null && upper !== null && lower > upper) {
        throw new RangeError(`window frame start ${lower} is after its end ${upper}`);
    }
    return { type, lower, upper };
}
/** A window specification (Spark's WindowSpec): immutable, each method returns a new one. */
export class WindowSpec {
    def;
    constructor(def = { partitionBy: [], orderBy: [], frame: null }) {
        this.def = def;
    }
    partitionBy(...cols) {
        return new WindowSpec({ ...this.def, partitionBy: cols.flat().map(toExpr) });
    }
    orderBy(...cols) {
        return new WindowSpec({ ...this.def, orderBy: cols.flat().map(toExpr) });
    }
    /** A frame of rows relative to the current one: -1 the row before, 0 the current row, 1 the row after. */
    rowsBetween(start, end) {
        return new WindowSpec({ ...this.def, frame: frame('rows', start, end) });
    }
    /** A frame of order-key values relative to the current row's (one numeric ORDER BY key unless the bounds are unbounded/current). */
    rangeBetween(start, end) {
        return new WindowSpec({ ...this.def, frame: frame('range', start, end) });
    }
}
/** Spark's Window: the entry point for window specifications, `Window.partitionBy('k').orderBy('t')`. */
export const Window = {
    unboundedPreceding: UNBOUNDED_PRECEDING,
    unboundedFollowing: UNBOUNDED_FOLLOWING,
    currentRow: 0,
    partitionBy: (...cols) => new WindowSpec().partitionBy(...cols),
    orderBy: (...cols) => new WindowSpec().orderBy(...cols),
    rowsBetween: (start, end) => new WindowSpec().rowsBetween(start, end),
    rangeBetween: (start, end) => new WindowSpec().rangeBetween(start, end),
};
//# sourceMappingURL=window.js.map