/**
 * The CSV tokenizer: a hand-written scanner over UTF-8 bytes. `scanRecord` finds the field boundaries of one
 * record; the parse helpers turn a field's bytes into numbers without making a string. Separators, quotes and
 * escapes are ASCII, and every byte of a multi-byte UTF-8 character is >= 0x80, so scanning bytes is exact.
 */
export const NL = 0x0a;
export const CR = 0x0d;
/** Field flags. */
export const QUOTED = 1;
/** The quoted value holds escapes ("" or \") or a CRLF to normalize: copy it through `unescape`. */
export const UNESCAPE = 2;
/** Field boundaries of the last scanned record. Arrays grow as needed. */
export class Fields {
    starts = new Int32Array(64);
    ends = new Int32Array(64);
    flags = new Uint8Array(64);
    count = 0;
    /** Newlines inside quoted values of the record (multiLine), for line numbers. */
    innerLines = 0;
    grow() {
        const n = this.starts.length * 2;
        const s = new Int32Array(n);
        s.set(this.starts);
        const e = new Int32Array(n);
        e.set(this.ends);
        const f = new Uint8Array(n);
        f.set(this.flags);
        this.starts = s;
        this.ends = e;
        this.flags = f;
    }
}
/**
 * Scans one record starting at `pos` and returns the index after its terminating '\n'. `buf[limit - 1]` must be
 * '\n' (a sentinel: unquoted scanning needs no bounds checks). A trailing '\r' before the '\n' is dropped.
 * Without multiLine a quote left open ends at the end of the line.
 */
export function scanRecord(buf, pos, limit, cfg, out) {
    const sep = cfg.sep;
    const quote = cfg.quote;
    let starts = out.starts;
    let ends = out.ends;
    let flagsOut = out.flags;
    let cap = starts.length;
    let f = 0;
    out.innerLines = 0;
    for (;;) {
        if (f === cap) {
            out.grow();
            starts = out.starts;
            ends = out.ends;
            flagsOut = out.flags;
            cap = starts.length;
        }
        let c = buf[pos];
        if (c !== quote) {
            const start = pos;
            while (c !== sep && c !== NL)
                c = buf[++pos];
            starts[f] = start;
            ends[f] = c === NL && pos > start && buf[pos - 1] === CR ? pos - 1 : pos;
            flagsOut[f] = 0;
        }
        else {
            let p = pos + 1;
            let flags = QUOTED;
            const escape = cfg.escape;
            for (;;) {
                if (p >= limit)
                    break;
                c = buf[p];
                if (c === quote) {
                    if (buf[p + 1] === quote && p + 1 < limit) {
                        flags |= UNESCAPE;
                        p += 2;
                        continue;
                    }
                    break;
                }
                if (c === escape && p + 1 < limit) {
                    const n = buf[p + 1];
                    if (n === quote || n === escape) {
                        flags |= UNESCAPE;
                        p += 2;
                        continue;
                    }
                }
                if (c === NL) {
                    if (!cfg.multiLine)
                        break;
                    out.innerLines++;
                    if (p > pos + 1 && buf[p - 1] === CR)
                        flags |= UNESCAPE;
                }
                p++;
            }
            starts[f] = pos + 1;
            let end = p;
            if (p < limit && buf[p] === NL && !cfg.multiLine) {
                // Unterminated quote: the value runs to the end of the line.
                if (end > pos + 1 && buf[end - 1] === CR)
                    end--;
                ends[f] = end;
                flagsOut[f] = flags;
                out.count = f + 1;
                return p + 1;
            }
            ends[f] = end;
            flagsOut[f] = flags;
            pos = p + 1; // after the closing quote
            if (pos >= limit) {
                out.count = f + 1;
                return limit;
            }
            // Anything between the closing quote and the separator is dropped.
            c = buf[pos];
            while (c !== sep && c !== NL)
                c = buf[++pos];
        }
        f++;
        if (c === NL) {
            out.count = f;
            return pos + 1;
        }
        pos++;
    }
}
/** True when the line at `pos` is blank (only spaces, tabs and a '\r'); Spark skips blank lines. */
export function blankLine(buf, pos) {
    for (;;) {
        const c = buf[pos++];
        if (c === NL)
            return true;
        if (c !== 32 && c !== 9 && c !== CR)
            return false;
    }
}
/** Index after the next '\n' at or after pos (limit if none). */
export function skipLine(buf, pos, limit) {
    while (pos < limit && buf[pos] !== NL)
        pos++;
    return pos + 1;
}
/** Copies a quoted value, resolving doubled quotes, escaped quotes/escapes and CRLF → LF, into dst at d. */
export function unescapeInto(src, s, e, quote, escape, dst, d) {
    for (let i = s; i < e; i++) {
        const c = src[i];
        if ((c === quote || c === escape) && i + 1 < e && (src[i + 1] === quote || (c === escape && src[i + 1] === escape))) {
            dst[d++] = src[++i];
        }
        else if (c === CR && i + 1 < e && src[i + 1] === NL) {
            // dropped: univocity normalizes line endings inside quoted values
        }
        else
            dst[d++] = c;
    }
    return d;
}
const decoder = new TextDecoder();
/** A field's text (unescaped when needed). */
export function fieldText(buf, s, e, flags, cfg) {
    if (flags & UNESCAPE) {
        const tmp = new Uint8Array(e - s);
        const n = unescapeInto(buf, s, e, cfg.quote, cfg.escape, tmp, 0);
        return decoder.decode(tmp.subarray(0, n));
    }
    return decoder.decode(buf.subarray(s, e));
}
/** Whether buf[s, e) equals the given bytes. */
export function bytesEqual(buf, s, e, b) {
    if (e - s !== b.length)
        return false;
    for (let i = 0; i < b.length; i++)
        if (buf[s + i] !== b[i])
            return false;
    return true;
}
// ---------------------------------------------------------------------------------------------------------------
// Number parsing on bytes. A parse that fails sets `failed`; callers test it right after the call.
export const parseState = { failed: false };
const INT_MAX = 2147483647;
const INT_MIN = -2147483648;
/** Java's Integer.parseInt: an optional sign and decimal digits, nothing else. */
export function parseIntBytes(buf, s, e) {
    let p = s;
    let neg = false;
    const c0 = buf[p];
    if (c0 === 45) {
        neg = true;
        p++;
    }
    else if (c0 === 43)
        p++;
    if (p === e || e - p > 10) {
        parseState.failed = true;
        return 0;
    }
    let v = 0;
    for (; p < e; p++) {
        const d = buf[p] - 48;
        if (d < 0 || d > 9) {
            parseState.failed = true;
            return 0;
        }
        v = v * 10 + d;
    }
    if (neg)
        v = -v;
    if (v > INT_MAX || v < INT_MIN) {
        parseState.failed = true;
        return 0;
    }
    return v;
}
const LONG_MAX = 9223372036854775807n;
const LONG_MIN = -9223372036854775808n;
/** Java's Long.parseLong; a number when |v| < 2^53, else a bigint. */
export function parseLongBytes(buf, s, e) {
    let p = s;
    let neg = false;
    const c0 = buf[p];
    if (c0 === 45) {
        neg = true;
        p++;
    }
    else if (c0 === 43)
        p++;
    const nd = e - p;
    if (nd === 0 || nd > 19) {
        parseState.failed = true;
        return 0;
    }
    let v = 0;
    for (let q = p; q < e; q++) {
        const d = buf[q] - 48;
        if (d < 0 || d > 9) {
            parseState.failed = true;
            return 0;
        }
        v = v * 10 + d;
    }
    if (nd <= 15)
        return neg ? -v : v;
    let b = 0n;
    for (let q = p; q < e; q++)
        b = b * 10n + BigInt(buf[q] - 48);
    if (neg)
        b = -b;
    if (b > LONG_MAX || b < LONG_MIN) {
        parseState.failed = true;
        return 0;
    }
    return Number.isSafeInteger(Number(b)) ? Number(b) : b;
}
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];
const DOUBLE_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[dDfF]?$/;
/**
 * Java's Double.parseDouble (as Spark's CSV reader uses it): decimal and exponent forms, surrounding whitespace,
 * NaN/Infinity and the nanValue/positiveInf/negativeInf options. Plain decimals with at most 15 significant digits
 * are computed exactly from the bytes (m / 10^k is correctly rounded when m < 2^53 and k <= 22).
 */
export function parseDoubleBytes(buf, s, e, sp) {
    let p = s;
    let neg = false;
    const c0 = buf[p];
    if (c0 === 45) {
        neg = true;
        p++;
    }
    else if (c0 === 43)
        p++;
    let m = 0;
    let nd = 0;
    let scale = 0;
    let dot = false;
    let any = false;
    for (; p < e; p++) {
        const c = buf[p];
        const d = c - 48;
        if (d >= 0 && d <= 9) {
            m = m * 10 + d;
            if (m !== 0)
                nd++;
            if (dot)
                scale++;
            any = true;
        }
        else if (c === 46 && !dot)
            dot = true;
        else
            return parseDoubleSlow(buf, s, e, sp);
    }
    if (!any || nd > 15 || scale > 22)
        return parseDoubleSlow(buf, s, e, sp);
    const v = scale ? m / POW10[scale] : m;
    return neg ? -v : v;
}
function parseDoubleSlow(buf, s, e, sp) {
    const text = decoder.decode(buf.subarray(s, e));
    return parseDoubleText(text, sp);
}
export function parseDoubleText(text, sp) {
    if (text === sp.nanValue)
        return NaN;
    if (text === sp.positiveInf)
        return Infinity;
    if (text === sp.negativeInf)
        return -Infinity;
    const t = text.trim();
    if (DOUBLE_RE.test(t))
        return Number(/[dDfF]$/.test(t) ? t.slice(0, -1) : t);
    if (t === 'NaN' || t === '+NaN' || t === '-NaN')
        return NaN;
    if (t === 'Infinity' || t === '+Infinity')
        return Infinity;
    if (t === '-Infinity')
        return -Infinity;
    parseState.failed = true;
    return 0;
}
/** "true"/"false" in any case (Spark's toBoolean). */
export function parseBoolBytes(buf, s, e) {
    const n = e - s;
    if (n === 4 && (buf[s] | 32) === 116 && (buf[s + 1] | 32) === 114 && (buf[s + 2] | 32) === 117 && (buf[s + 3] | 32) === 101)
        return true;
    if (n === 5 &&
        (buf[s] | 32) === 102 &&
        (buf[s + 1] | 32) === 97 &&
        (buf[s + 2] | 32) === 108 &&
        (buf[s + 3] | 32) === 115 &&
        (buf[s + 4] | 32) === 101) {
        return false;
    }
    parseState.failed = true;
    return false;
}
/**
 * A decimal string as the unscaled bigint of decimal(precision, scale), rounding half up as Spark does;
 * null when it does not fit the precision or is not a number.
 */
export function parseDecimalText(text, precision, scale) {
    const m = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/.exec(text);
    if (!m || (m[2] === '' && (m[3] ?? '') === ''))
        return null;
    let digits = m[2] + (m[3] ?? '');
    let exp = -(m[3] ?? '').length + (m[4] ? parseInt(m[4], 10) : 0);
    // value = digits * 10^exp; we want round(value * 10^scale)
    let shift = exp + scale;
    let v;
    if (shift >= 0)
        v = BigInt(digits || '0') * 10n ** BigInt(shift);
    else {
        const drop = -shift;
        if (drop > digits.length) {
            digits = '0'.repeat(drop - digits.length) + digits;
        }
        const keep = digits.slice(0, digits.length - drop) || '0';
        const first = digits.charCodeAt(digits.length - drop) - 48;
        v = BigInt(keep) + (first >= 5 ? 1n : 0n);
        shift = 0;
        exp = 0;
    }
    if (m[1] === '-')
        v = -v;
    const limit = 10n ** BigInt(precision);
    if (v >= limit || v <= -limit)
        return null;
    return v;
}
// ---------------------------------------------------------------------------------------------------------------
// Structural index (for chunks without quote characters)
/**
 * Writes into `out` the positions of every separator and '\n' byte in buf[from, to), in order, and returns how
 * many there are; a newline at position p is written as ~p (negative), so record ends need no second look. Four bytes at a time (SWAR): a byte b of a word equals `sep` exactly when the high bit of
 * ~(((x & 0x7f7f7f7f) + 0x7f7f7f7f) | x | 0x7f7f7f7f) is set for x = word ^ (sep * 0x01010101) — a form with no
 * carries between bytes, so no false matches. Requires `out.length >= to - from`.
 */
export function indexStructural(buf, from, to, sep, out) {
    let n = 0;
    let i = from;
    const abs = buf.byteOffset;
    // Head bytes up to a 4-byte aligned address.
    while (i < to && ((abs + i) & 3) !== 0) {
        const c = buf[i];
        if (c === sep)
            out[n++] = i;
        else if (c === NL)
            out[n++] = ~i;
        i++;
    }
    const nWords = (to - i) >> 2;
    if (nWords > 0) {
        const words = new Int32Array(buf.buffer, abs + i, nWords);
        const sm = Math.imul(sep, 0x01010101);
        const nm = 0x0a0a0a0a;
        for (let w = 0; w < nWords; w++) {
            const x = words[w];
            const a = x ^ sm;
            const d = x ^ nm;
            const ms = ~((((a & 0x7f7f7f7f) + 0x7f7f7f7f) | 0) | a | 0x7f7f7f7f) & 0x80808080;
            const mn = ~((((d & 0x7f7f7f7f) + 0x7f7f7f7f) | 0) | d | 0x7f7f7f7f) & 0x80808080;
            let m = ms | mn;
            if (m !== 0) {
                const base = i + (w << 2);
                if (mn === 0) {
                    do {
                        out[n++] = base + ((31 - Math.clz32(m & -m)) >> 3);
                        m &= m - 1;
                    } while (m !== 0);
                }
                else {
                    do {
                        const low = m & -m;
                        const p = base + ((31 - Math.clz32(low)) >> 3);
                        out[n++] = low & mn ? ~p : p;
                        m &= m - 1;
                    } while (m !== 0);
                }
            }
        }
        i += nWords << 2;
    }
    while (i < to) {
        const c = buf[i];
        if (c === sep)
            out[n++] = i;
        else if (c === NL)
            out[n++] = ~i;
        i++;
    }
    return n;
}
//# sourceMappingURL=scanner.js.map