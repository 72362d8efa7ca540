import { BooleanType, DateType, DecimalType, DoubleType, IntegerType, LongType, StringType, StructField, StructType, TimestampType, } from '../../types/data-types.js';
import { blankLine, bytesEqual, fieldText, Fields, NL, parseDoubleBytes, parseIntBytes, parseLongBytes, parseState, scanRecord, skipLine, } from './scanner.js';
/**
 * CSV schema inference as Spark's CSVInferSchema: each value is typed as the first of int, bigint, decimal (for
 * integers beyond bigint), double, date (matching dateFormat exactly), timestamp, boolean that parses it, else
 * string; the types of a column merge across rows (int+bigint → bigint, numbers+double → double,
 * date+timestamp → timestamp, anything else → string); nulls (empty or nullValue) do not vote, and an all-null
 * column is string.
 */
// Type codes, ordered as Spark tries them.
export const T_NULL = 0;
export const T_INT = 1;
export const T_LONG = 2;
export const T_DECIMAL = 3;
export const T_DOUBLE = 4;
export const T_DATE = 5;
export const T_TIMESTAMP = 6;
export const T_BOOLEAN = 7;
export const T_STRING = 8;
/** Merges two inferred types (Spark's compatibleType for CSV); decimal precision travels separately. */
export function mergeCode(a, b) {
    if (a === b)
        return a;
    if (a === T_NULL)
        return b;
    if (b === T_NULL)
        return a;
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    if (hi <= T_DOUBLE) {
        if (hi === T_DOUBLE)
            return T_DOUBLE;
        return hi; // int+long → long, int/long+decimal → decimal
    }
    if (lo === T_DATE && hi === T_TIMESTAMP)
        return T_TIMESTAMP;
    return T_STRING;
}
export class CsvTypeInferrer {
    o;
    codes;
    precisions;
    constructor(n, o) {
        this.o = o;
        this.codes = new Uint8Array(n);
        this.precisions = new Uint8Array(n);
    }
    ensure(n) {
        if (n > this.codes.length) {
            const c = new Uint8Array(n);
            c.set(this.codes);
            const p = new Uint8Array(n);
            p.set(this.precisions);
            this.codes = c;
            this.precisions = p;
        }
    }
    /** Types one field's bytes and merges the type into column i. */
    add(i, buf, s, e, flags, cfg) {
        const cur = this.codes[i];
        if (cur === T_STRING)
            return;
        const o = this.o;
        if (s === e || bytesEqual(buf, s, e, o.nullBytes))
            return;
        let t = T_STRING;
        let prec = 0;
        // Numbers straight from the bytes; other types from the text.
        if (cur <= T_DOUBLE && !flags) {
            parseState.failed = false;
            if (cur <= T_INT) {
                parseIntBytes(buf, s, e);
                if (!parseState.failed)
                    t = T_INT;
                parseState.failed = false;
            }
            if (t === T_STRING && cur <= T_LONG) {
                parseLongBytes(buf, s, e);
                if (!parseState.failed)
                    t = T_LONG;
                parseState.failed = false;
            }
            if (t === T_STRING && cur <= T_DECIMAL) {
                // An integer beyond bigint: decimal(digits, 0) up to 38 digits.
                let p = s;
                if (buf[p] === 45 || buf[p] === 43)
                    p++;
                let ok = e > p && e - p <= 38;
                for (let q = p; ok && q < e; q++)
                    ok = buf[q] >= 48 && buf[q] <= 57;
                if (ok) {
                    t = T_DECIMAL;
                    while (p < e - 1 && buf[p] === 48)
                        p++;
                    prec = e - p;
                }
            }
            if (t === T_STRING) {
                parseDoubleBytes(buf, s, e, o);
                if (!parseState.failed)
                    t = T_DOUBLE;
                parseState.failed = false;
            }
        }
        if (t === T_STRING) {
            const text = fieldText(buf, s, e, flags, cfg);
            if (cur <= T_DOUBLE && flags) {
                // A quoted number still types as a number.
                parseState.failed = false;
                const b = Buffer.from(text);
                if (cur <= T_INT && (parseIntBytes(b, 0, b.length), !parseState.failed))
                    t = T_INT;
                else if (cur <= T_LONG && ((parseState.failed = false), parseLongBytes(b, 0, b.length), !parseState.failed))
                    t = T_LONG;
                else if (((parseState.failed = false), parseDoubleBytes(b, 0, b.length, o), !parseState.failed))
                    t = T_DOUBLE;
                parseState.failed = false;
            }
            if (t === T_STRING) {
                if (cur <= T_DATE && o.dateTime.inferDate(text))
                    t = T_DATE;
                else if (cur <= T_TIMESTAMP && o.dateTime.inferTimestamp(text))
                    t = T_TIMESTAMP;
                else if (/^(true|false)$/i.test(text))
                    t = T_BOOLEAN;
            }
        }
        const merged = mergeCode(cur, t);
        this.codes[i] = merged;
        if (merged === T_DECIMAL) {
            // int → 10 digits, bigint → 20 digits when merged with a decimal
            const p = t === T_DECIMAL ? prec : t === T_LONG ? 20 : t === T_INT ? 10 : 0;
            const q = cur === T_DECIMAL ? this.precisions[i] : cur === T_LONG ? 20 : cur === T_INT ? 10 : 0;
            this.precisions[i] = Math.max(p, q);
        }
    }
    types(n) {
        const out = [];
        for (let i = 0; i < n; i++)
            out.push(codeType(this.codes[i] ?? T_NULL, this.precisions[i] ?? 0));
        return out;
    }
}
function codeType(code, precision) {
    switch (code) {
        case T_INT:
            return IntegerType;
        case T_LONG:
            return LongType;
        case T_DECIMAL:
            return precision > 38 ? DoubleType : new DecimalType(precision, 0);
        case T_DOUBLE:
            return DoubleType;
        case T_DATE:
            return DateType;
        case T_TIMESTAMP:
            return TimestampType;
        case T_BOOLEAN:
            return BooleanType;
        default:
            return StringType;
    }
}
/** Spark's CSVUtils.makeSafeHeader: empty or null names become _c<i>, case-insensitive duplicates get their index. */
export function safeHeader(names, nullValue) {
    const lower = names.filter((n) => n !== null).map((n) => n.toLowerCase());
    const seen = new Set();
    const dups = new Set();
    for (const n of lower)
        (seen.has(n) ? dups : seen).add(n);
    return names.map((n, i) => {
        if (n === null || n === '' || n === nullValue)
            return `_c${i}`;
        if (dups.has(n.toLowerCase()))
            return `${n}${i}`;
        return n;
    });
}
/** The first record (for the header) of a buffer of whole lines, skipping blank and comment lines. */
export function firstRecord(buf, limit, o, cfg) {
    const f = new Fields();
    let pos = 0;
    while (pos < limit) {
        if (blankLine(buf, pos) || buf[pos] === o.comment) {
            pos = skipLine(buf, pos, limit);
            continue;
        }
        scanRecord(buf, pos, limit, cfg, f);
        const out = [];
        for (let i = 0; i < f.count; i++)
            out.push(fieldText(buf, f.starts[i], f.ends[i], f.flags[i], cfg));
        return out;
    }
    return null;
}
export function inferredSchema(names, types) {
    return new StructType(names.map((n, i) => new StructField(n, types[i] ?? StringType, true)));
}
export { NL };
//# sourceMappingURL=infer.js.map