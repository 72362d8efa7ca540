import { DAY_TIME_FIELDS, DayTimeIntervalType, TimestampType, YEAR_MONTH_FIELDS, YearMonthIntervalType } from '../types/data-types.js';
import { civilFromDays, daysFromCivil } from './datetime.js';
import { SqlError } from './errors.js';
import { kindOf } from './types.js';
import { unionNulls } from './vec-util.js';
/**
 * ANSI interval arithmetic, as Spark 4: date ± year-month interval (months added, the day clamped to the month's
 * last day, as LocalDate.plusMonths), date ± `INTERVAL n DAY` (a date), date ± other day-time intervals and
 * timestamps ± any interval (timestamps, in UTC, the session time zone here), interval ± interval of one family,
 * date − date (`interval day`) and timestamp − timestamp (`interval day to second`).
 */
const DAY_US = 86400000000n;
const leap = (y) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const monthDays = (y, m) => [31, leap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
/** `days` plus `months`, the day of month clamped (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(days, months) {
    const [y, m, d] = civilFromDays(days);
    const total = y * 12 + (m - 1) + months;
    const ny = Math.floor(total / 12);
    const nm = total - ny * 12 + 1;
    return daysFromCivil(ny, nm, Math.min(d, monthDays(ny, nm)));
}
function floorDiv(a, b) {
    const q = a / b;
    return a % b !== 0n && (a < 0n) !== (b < 0n) ? q - 1n : q;
}
function timestampAddMonths(us, months) {
    const days = floorDiv(us, DAY_US);
    const rest = us - days * DAY_US;
    return BigInt(addMonths(Number(days), months)) * DAY_US + rest;
}
function map2(resultType, out, f) {
    return (l, r, n) => {
        const o = out.length >= n ? out.subarray(0, n) : new out.constructor(n);
        const nulls = unionNulls([l, r], n);
        for (let i = 0; i < n; i++)
            if (nulls === null || nulls[i] === 0)
                o[i] = f(i);
        return { type: resultType, length: n, values: o, nulls };
    };
}
const dayOnly = (t) => t instanceof DayTimeIntervalType && t.startField === 0 && t.endField === 0;
/** Whether arithmetic on these operand kinds is interval arithmetic (handled here). */
export function isIntervalArithmetic(op, lt, rt) {
    const a = kindOf(lt);
    const b = kindOf(rt);
    if (a === 'interval_ym' || a === 'interval_dt' || b === 'interval_ym' || b === 'interval_dt')
        return true;
    return op === '-' && ((a === 'date' && b === 'date') || (a === 'timestamp' && b === 'timestamp'));
}
/** The kernel for `op` over operands already cast to `lt`, `rt` (see coercion.ts for the types). */
export function intervalArithmetic(op, lt, rt, resultType) {
    const a = kindOf(lt);
    const b = kindOf(rt);
    const sign = op === '-' ? -1 : 1;
    const bsign = op === '-' ? -1n : 1n;
    if (op !== '+' && op !== '-')
        throw new SqlError('INTERNAL_ERROR', `interval operator ${op}`);
    // Put the datetime on the left for +.
    if (op === '+' && (b === 'date' || b === 'timestamp')) {
        const k = intervalArithmetic('+', rt, lt, resultType);
        return (l, r, n) => k(r, l, n);
    }
    return (l, r, n) => {
        const x = l.values;
        const y = r.values;
        const res = resultType;
        const rk = kindOf(res);
        const out = rk === 'date' || rk === 'interval_ym' ? new Int32Array(n) : new BigInt64Array(n);
        let f;
        if (a === 'date' && b === 'interval_ym')
            f = (i) => addMonths(x[i], sign * y[i]);
        else if (a === 'date' && b === 'interval_dt' && rk === 'date')
            f = (i) => x[i] + sign * Number(y[i] / DAY_US);
        else if (a === 'date' && b === 'date')
            f = (i) => BigInt(x[i] - y[i]) * DAY_US;
        else if (a === 'timestamp' && b === 'interval_ym')
            f = (i) => timestampAddMonths(x[i], sign * y[i]);
        else if (a === 'timestamp' && b === 'interval_dt')
            f = (i) => x[i] + bsign * y[i];
        else if (a === 'timestamp' && b === 'timestamp')
            f = (i) => x[i] - y[i];
        else if (a === 'interval_ym' && b === 'interval_ym')
            f = (i) => x[i] + sign * y[i];
        else if (a === 'interval_dt' && b === 'interval_dt')
            f = (i) => x[i] + bsign * y[i];
        else
            throw new SqlError('INTERNAL_ERROR', `interval arithmetic on ${lt.simpleString()} and ${rt.simpleString()} needs a cast first`);
        return map2(res, out, f)(l, r, n);
    };
}
/** The result type of interval arithmetic (null when these operands are not interval arithmetic). */
export function intervalResultType(op, lt, rt) {
    const a = kindOf(lt);
    const b = kindOf(rt);
    const isInterval = (k) => k === 'interval_ym' || k === 'interval_dt';
    if (op === '-' && a === 'date' && b === 'date')
        return { left: lt, right: rt, result: new DayTimeIntervalType(0, 0) };
    if (op === '-' && a === 'timestamp' && b === 'timestamp')
        return { left: lt, right: rt, result: new DayTimeIntervalType(0, 3) };
    if (op !== '+' && op !== '-')
        return null;
    // NULL ± interval: the NULL takes the interval's type.
    if (a === 'null' && isInterval(b))
        return { left: rt, right: rt, result: rt };
    if (b === 'null' && isInterval(a))
        return { left: lt, right: lt, result: lt };
    if ((a === 'date' || a === 'timestamp') && isInterval(b)) {
        if (a === 'date' && (b === 'interval_ym' || dayOnly(rt)))
            return { left: lt, right: rt, result: lt };
        // A date with a time-of-day interval becomes a timestamp first.
        return { left: TimestampType, right: rt, result: TimestampType };
    }
    if (op === '+' && isInterval(a) && (b === 'date' || b === 'timestamp')) {
        const r = intervalResultType('+', rt, lt);
        return { left: r.right, right: r.left, result: r.result };
    }
    if (a === 'interval_ym' && b === 'interval_ym') {
        const x = lt;
        const y = rt;
        const t = new YearMonthIntervalType(Math.min(x.startField, y.startField), Math.max(x.endField, y.endField));
        return { left: t, right: t, result: t };
    }
    if (a === 'interval_dt' && b === 'interval_dt') {
        const x = lt;
        const y = rt;
        const t = new DayTimeIntervalType(Math.min(x.startField, y.startField), Math.max(x.endField, y.endField));
        return { left: t, right: t, result: t };
    }
    return null;
}
/** Spark's text of an interval value: INTERVAL '1-2' YEAR TO MONTH, INTERVAL '90' DAY, INTERVAL '1 02:00:00' DAY TO SECOND. */
export function intervalText(v, t) {
    if (t instanceof YearMonthIntervalType) {
        const m = Number(v);
        const neg = m < 0 ? '-' : '';
        const abs = Math.abs(m);
        const from = YEAR_MONTH_FIELDS[t.startField];
        const to = YEAR_MONTH_FIELDS[t.endField];
        const body = from === to ? (from === 'year' ? `${Math.trunc(abs / 12)}` : `${abs}`) : `${Math.trunc(abs / 12)}-${abs % 12}`;
        return `INTERVAL '${neg}${body}' ${from.toUpperCase()}${from === to ? '' : ` TO ${to.toUpperCase()}`}`;
    }
    const dt = t;
    let us = BigInt(v);
    const neg = us < 0n ? '-' : '';
    if (us < 0n)
        us = -us;
    const units = [DAY_US, 3600000000n, 60000000n, 1000000n];
    const parts = [];
    for (let f = dt.startField; f <= dt.endField; f++) {
        const last = f === dt.endField;
        let text;
        if (last && f === 3) {
            const secs = us / 1000000n;
            const frac = us % 1000000n;
            text = `${secs}`.padStart(f === dt.startField ? 1 : 2, '0') + (frac ? '.' + `${frac}`.padStart(6, '0').replace(/0+$/, '') : '');
        }
        else {
            const q = us / units[f];
            us -= q * units[f];
            text = f === dt.startField ? `${q}` : `${q}`.padStart(2, '0');
        }
        parts.push(text);
    }
    const from = DAY_TIME_FIELDS[dt.startField];
    const to = DAY_TIME_FIELDS[dt.endField];
    const body = dt.startField === 0 && parts.length > 1 ? `${parts[0]} ${parts.slice(1).join(':')}` : parts.join(':');
    return `INTERVAL '${neg}${body}' ${from.toUpperCase()}${from === to ? '' : ` TO ${to.toUpperCase()}`}`;
}
//# sourceMappingURL=interval.js.map