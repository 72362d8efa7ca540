import { DAY_TIME_FIELDS, DayTimeIntervalType, YEAR_MONTH_FIELDS, YearMonthIntervalType } from '../types/data-types.js';
/**
 * ANSI interval literals as Spark 4 reads them: `INTERVAL '3' MONTH` and `INTERVAL '1' YEAR` are year-month
 * intervals (a number of months), `INTERVAL '90' DAY`, `INTERVAL 2 HOURS` day-time intervals (microseconds);
 * `INTERVAL '1-2' YEAR TO MONTH` and `INTERVAL '1 02:00:00' DAY TO SECOND` use Spark's field formats; several
 * units (`INTERVAL 1 DAY 2 HOURS`, `INTERVAL '1 day 2 hours'`) add up, and may not mix the two families.
 */
export class IntervalLiteralError extends Error {
}
const MICROS = { day: 86400000000n, hour: 3600000000n, minute: 60000000n, second: 1000000n };
function singular(unit) {
    const u = unit.toLowerCase();
    return u.endsWith('s') ? u.slice(0, -1) : u;
}
/** Seconds (possibly fractional, up to microseconds) as microseconds. */
function secondsMicros(text) {
    const m = /^([+-])?(\d+)(?:\.(\d{0,9}))?$/.exec(text.trim());
    if (!m)
        throw new IntervalLiteralError(`'${text}' is not a number of seconds`);
    const frac = (m[3] ?? '').padEnd(6, '0').slice(0, 6);
    const v = BigInt(m[2]) * 1000000n + BigInt(frac || '0');
    return m[1] === '-' ? -v : v;
}
function integer(text, unit) {
    const t = text.trim();
    if (!/^[+-]?\d+$/.test(t))
        throw new IntervalLiteralError(`'${text}' is not a whole number of ${unit}s`);
    return BigInt(t);
}
function add(acc, ym, start, end) {
    if (acc.ym !== null && acc.ym !== ym)
        throw new IntervalLiteralError('cannot mix year-month and day-time fields in one interval literal');
    acc.ym = ym;
    acc.start = Math.min(acc.start, start);
    acc.end = Math.max(acc.end, end);
}
/** One `value unit` pair, or a `value from TO to` range. */
function addPart(acc, value, unit, to) {
    const u = singular(unit);
    if (to) {
        const v = singular(to);
        if (u === 'year' && v === 'month') {
            const m = /^([+-])?(\d+)-(\d+)$/.exec(value.trim());
            if (!m)
                throw new IntervalLiteralError(`'${value}' does not match YEAR TO MONTH's format 'y-m'`);
            const months = BigInt(m[2]) * 12n + BigInt(m[3]);
            add(acc, true, 0, 1);
            acc.months += m[1] === '-' ? -months : months;
            return;
        }
        const from = DAY_TIME_FIELDS.indexOf(u);
        const end = DAY_TIME_FIELDS.indexOf(v);
        if (from < 0 || end < 0 || end <= from)
            throw new IntervalLiteralError(`${unit.toUpperCase()} TO ${to.toUpperCase()} is not an interval qualifier`);
        // DAY TO SECOND: 'd hh:mm:ss.ffffff'; HOUR TO MINUTE: 'hh:mm'; and so on.
        let text = value.trim();
        const negative = text.startsWith('-');
        if (negative || text.startsWith('+'))
            text = text.slice(1);
        const pieces = text.split(/[\s:]+/);
        if (pieces.length !== end - from + 1)
            throw new IntervalLiteralError(`'${value}' does not match ${unit.toUpperCase()} TO ${to.toUpperCase()}`);
        let micros = 0n;
        pieces.forEach((p, i) => {
            const field = DAY_TIME_FIELDS[from + i];
            micros += field === 'second' ? secondsMicros(p) : integer(p, field) * MICROS[field];
        });
        add(acc, false, from, end);
        acc.micros += negative ? -micros : micros;
        return;
    }
    if (u === 'year' || u === 'month') {
        const n = integer(value, u);
        add(acc, true, YEAR_MONTH_FIELDS.indexOf(u), YEAR_MONTH_FIELDS.indexOf(u));
        acc.months += u === 'year' ? n * 12n : n;
        return;
    }
    if (u === 'week') {
        add(acc, false, 0, 0);
        acc.micros += integer(value, u) * 7n * MICROS.day;
        return;
    }
    if (u === 'millisecond' || u === 'microsecond') {
        add(acc, false, 3, 3);
        acc.micros += u === 'millisecond' ? integer(value, u) * 1000n : integer(value, u);
        return;
    }
    const field = DAY_TIME_FIELDS.indexOf(u);
    if (field < 0)
        throw new IntervalLiteralError(`'${unit}' is not an interval unit`);
    add(acc, false, field, field);
    acc.micros += u === 'second' ? secondsMicros(value) : integer(value, u) * MICROS[u];
}
/** The literal for INTERVAL parts (value strings already unquoted), negated when `negative`. */
export function intervalLiteral(parts, negative) {
    const acc = { ym: null, months: 0n, micros: 0n, start: 9, end: -1 };
    for (const p of parts) {
        if (p.unit)
            addPart(acc, p.value, p.unit, p.to);
        else {
            // INTERVAL '1 day 2 hours': the string holds value-unit pairs.
            const words = p.value.trim().split(/\s+/).filter(Boolean);
            if (words.length === 0 || words.length % 2)
                throw new IntervalLiteralError(`cannot read '${p.value}' as an interval such as '1 day 2 hours'`);
            for (let i = 0; i < words.length; i += 2)
                addPart(acc, words[i], words[i + 1], null);
        }
    }
    if (acc.ym) {
        const months = negative ? -acc.months : acc.months;
        if (months > 2147483647n || months < -2147483648n)
            throw new IntervalLiteralError('the interval is out of range');
        return { kind: 'literal', value: Number(months), type: new YearMonthIntervalType(acc.start, acc.end).simpleString() };
    }
    return { kind: 'literal', value: negative ? -acc.micros : acc.micros, type: new DayTimeIntervalType(acc.start, acc.end).simpleString() };
}
//# sourceMappingURL=interval-literal.js.map