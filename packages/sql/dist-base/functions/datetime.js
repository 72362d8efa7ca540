import { DateType, IntegerType, StringType, TimestampType } from '../types/data-types.js';
import { castVec } from '../eval/cast.js';
import { civilFromDays, compilePattern, formatWithPattern, microsToDays, nowMicros, parseWithPattern, PatternParseError, splitMicros, todayDays, } from '../eval/datetime.js';
import { cannotParseTimestamp } from '../eval/errors.js';
import { isNumericKind, kindOf } from '../eval/types.js';
import { constVec } from '../eval/vec-util.js';
import { define, expectArg, mapRows, typeMismatch } from './helpers.js';
/**
 * Date and time functions. The session time zone is UTC (see eval/datetime.ts). Patterns are Spark's datetime
 * patterns (yyyy-MM-dd HH:mm:ss.SSS, …), parsed case-insensitively; invalid input raises CANNOT_PARSE_TIMESTAMP
 * (ANSI) and the try_ forms return NULL.
 */
function parseOrNull(s, pattern, ansi) {
    const toks = compilePattern(pattern);
    try {
        return parseWithPattern(s, toks);
    }
    catch (e) {
        if (e instanceof PatternParseError) {
            if (ansi)
                throw cannotParseTimestamp(e.message);
            return null;
        }
        throw e;
    }
}
function toDateLike(fn, ansi, asDate) {
    return define({
        name: fn,
        args: [1, 2],
        resolve(types) {
            const t = types[0];
            const target = asDate ? DateType : TimestampType;
            if (types.length === 2) {
                return { returnType: target, argTypes: [expectArg(fn, 0, t, StringType), expectArg(fn, 1, types[1], StringType)] };
            }
            const k = kindOf(t);
            if (k === 'string' || k === 'date' || k === 'timestamp' || k === 'null' || (!asDate && isNumericKind(k)))
                return { returnType: target, argTypes: [t] };
            throw typeMismatch(fn, 0, asDate ? '("STRING" or "DATE" or "TIMESTAMP")' : '("STRING" or "DATE" or "TIMESTAMP" or "NUMERIC")', t);
        },
        evaluate(args, n, rt) {
            if (args.length === 1)
                return castVec(args[0], rt, ansi);
            return mapRows(args, n, rt, (s, p) => {
                const us = parseOrNull(s, p, ansi);
                if (us === null)
                    return null;
                return asDate ? microsToDays(us) : us;
            });
        },
    });
}
toDateLike('to_date', true, true);
toDateLike('to_timestamp', true, false);
toDateLike('try_to_timestamp', false, false);
// ----------------------------------------------------------------------------------------- field extraction
const civil = new Int32Array(3);
for (const [name, aliases, field] of [
    ['year', [], 0],
    ['month', [], 1],
    ['dayofmonth', ['day'], 2],
]) {
    define({
        name,
        aliases: [...aliases],
        args: [1, 1],
        resolve: (types) => ({ returnType: IntegerType, argTypes: [expectArg(name, 0, types[0], DateType)] }),
        evaluate: (args, n, rt) => mapRows(args, n, rt, (d) => civilFromDays(d, civil)[field]),
    });
}
for (const [name, div, mod] of [
    ['hour', 3_600_000_000, 24],
    ['minute', 60_000_000, 60],
    ['second', 1_000_000, 60],
]) {
    define({
        name,
        args: [1, 1],
        resolve: (types) => ({ returnType: IntegerType, argTypes: [expectArg(name, 0, types[0], TimestampType)] }),
        evaluate: (args, n, rt) => mapRows(args, n, rt, (us) => Math.floor(splitMicros(us).micros / div) % mod),
    });
}
// --------------------------------------------------------------------------------------------- arithmetic
function daysArg(fn, i, t) {
    const k = kindOf(t);
    if (k === 'byte' || k === 'short' || k === 'int')
        return t;
    if (k === 'string' || k === 'null')
        return IntegerType;
    throw typeMismatch(fn, i, '("INT" or "SMALLINT" or "TINYINT")', t);
}
for (const [name, sign] of [
    ['date_add', 1],
    ['date_sub', -1],
]) {
    define({
        name,
        aliases: name === 'date_add' ? ['dateadd'] : [],
        args: [2, 2],
        resolve: (types) => ({ returnType: DateType, argTypes: [expectArg(name, 0, types[0], DateType), daysArg(name, 1, types[1])] }),
        evaluate: (args, n, rt) => mapRows(args, n, rt, (d, k) => d + sign * k),
    });
}
define({
    name: 'datediff',
    args: [2, 2],
    resolve: (types) => ({ returnType: IntegerType, argTypes: types.map((t, i) => expectArg('datediff', i, t, DateType)) }),
    evaluate: (args, n, rt) => mapRows(args, n, rt, (end, start) => end - start),
});
define({
    name: 'date_format',
    args: [2, 2],
    resolve: (types) => ({
        returnType: StringType,
        argTypes: [expectArg('date_format', 0, types[0], TimestampType), expectArg('date_format', 1, types[1], StringType)],
    }),
    evaluate: (args, n, rt) => mapRows(args, n, rt, (us, p) => formatWithPattern(us, compilePattern(p))),
});
// ------------------------------------------------------------------------------------------------ clocks
/**
 * current_date() and current_timestamp() read the clock when evaluated (per batch). Spark fixes them once per
 * query; planners should fold them into literals at the start of a query for the same effect.
 */
define({
    name: 'current_date',
    aliases: ['curdate'],
    args: [0, 0],
    deterministic: false,
    resolve: () => ({ returnType: DateType, argTypes: [] }),
    evaluate: (_args, n, rt) => constVec(rt, todayDays(), n),
});
define({
    name: 'current_timestamp',
    aliases: ['now'],
    args: [0, 0],
    deterministic: false,
    resolve: () => ({ returnType: TimestampType, argTypes: [] }),
    evaluate: (_args, n, rt) => constVec(rt, nowMicros(), n),
});
//# sourceMappingURL=datetime.js.map