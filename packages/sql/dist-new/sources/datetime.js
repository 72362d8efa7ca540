/**
 * Dates and timestamps in text formats (CSV, JSON): Spark's datetime patterns (a subset of Java's
 * DateTimeFormatter: y M d H h m s S a E X x Z z, 'literals' and [optional] sections) and Spark's lenient default
 * parsers. Dates are days since 1970-01-01; timestamps are microseconds since the epoch. A timestamp without a
 * zone is read in UTC (Kindling's session time zone).
 */
const MICROS_PER_DAY = 86_400_000_000;
/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). */
export function daysFromCivil(y, m, d) {
    y -= m <= 2 ? 1 : 0;
    const era = Math.floor(y / 400);
    const yoe = y - era * 400;
    const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
    const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    return era * 146097 + doe - 719468;
}
export function civilFromDays(z) {
    z += 719468;
    const era = Math.floor(z / 146097);
    const doe = z - era * 146097;
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
    const y = yoe + era * 400;
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
    const m = mp + (mp < 10 ? 3 : -9);
    return [m <= 2 ? y + 1 : y, m, d];
}
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function validDate(y, m, d) {
    if (m < 1 || m > 12 || d < 1)
        return false;
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]);
}
const isDigit = (c) => c >= 48 && c <= 57;
/** Reads 1..max digits at s[i]; returns [value, next index] or null. */
function digits(s, i, min, max) {
    let v = 0;
    let j = i;
    while (j < s.length && j - i < max && isDigit(s.charCodeAt(j)))
        v = v * 10 + (s.charCodeAt(j++) - 48);
    return j - i < min ? null : [v, j];
}
/** Parses a zone at s[i]: Z, UTC, GMT, UT, ±h, ±hh, ±hh:mm, ±hhmm, ±hh:mm:ss, optionally after UTC/GMT. */
function parseZone(s, i) {
    let j = i;
    if (s[j] === 'Z')
        return [0, j + 1];
    for (const name of ['UTC', 'GMT', 'UT']) {
        if (s.startsWith(name, j)) {
            j += name.length;
            if (j === s.length)
                return [0, j];
            break;
        }
    }
    const sign = s[j];
    if (sign !== '+' && sign !== '-')
        return null;
    j++;
    const h = digits(s, j, 1, 2);
    if (!h)
        return null;
    let off = h[0] * 3600;
    j = h[1];
    if (s[j] === ':')
        j++;
    const m = digits(s, j, 2, 2);
    if (m) {
        off += m[0] * 60;
        j = m[1];
        if (s[j] === ':')
            j++;
        const sec = digits(s, j, 2, 2);
        if (sec) {
            off += sec[0];
            j = sec[1];
        }
    }
    if (h[0] > 18)
        return null;
    return [sign === '-' ? -off : off, j];
}
/**
 * Spark's lenient date parse (used when no dateFormat is given): `yyyy`, `yyyy-[m]m`, `yyyy-[m]m-[d]d`, optionally
 * followed by 'T' or ' ' and anything. Returns days or null.
 */
export function parseDateLenient(str) {
    const s = str.trim();
    let i = 0;
    let sign = 1;
    if (s[0] === '-' || s[0] === '+') {
        sign = s[0] === '-' ? -1 : 1;
        i++;
    }
    const y = digits(s, i, 4, 7);
    if (!y)
        return null;
    i = y[1];
    let m = 1;
    let d = 1;
    if (i < s.length && s[i] === '-') {
        const mm = digits(s, i + 1, 1, 2);
        if (!mm)
            return null;
        m = mm[0];
        i = mm[1];
        if (i < s.length && s[i] === '-') {
            const dd = digits(s, i + 1, 1, 2);
            if (!dd)
                return null;
            d = dd[0];
            i = dd[1];
        }
    }
    if (i < s.length && s[i] !== 'T' && s[i] !== ' ')
        return null;
    const yy = sign * y[0];
    if (!validDate(yy, m, d))
        return null;
    return daysFromCivil(yy, m, d);
}
/**
 * Spark's lenient timestamp parse (used when no timestampFormat is given): a lenient date, then optionally 'T' or
 * ' ' and `[h]h:[m]m[:[s]s[.fraction]]`, then optionally a zone (Z, ±hh:mm, UTC...). Returns micros or null.
 */
export function parseTimestampLenient(str, defaultOffsetSeconds = 0) {
    const s = str.trim();
    let i = 0;
    let sign = 1;
    if (s[0] === '-' || s[0] === '+') {
        sign = s[0] === '-' ? -1 : 1;
        i++;
    }
    const y = digits(s, i, 4, 7);
    if (!y)
        return null;
    i = y[1];
    let m = 1;
    let d = 1;
    if (s[i] === '-') {
        const mm = digits(s, i + 1, 1, 2);
        if (!mm)
            return null;
        [m, i] = mm;
        if (s[i] === '-') {
            const dd = digits(s, i + 1, 1, 2);
            if (!dd)
                return null;
            [d, i] = dd;
        }
    }
    const yy = sign * y[0];
    if (!validDate(yy, m, d))
        return null;
    let secs = 0;
    let micros = 0;
    let offset = defaultOffsetSeconds;
    if (i < s.length) {
        if (s[i] === 'T' || s[i] === ' ') {
            i++;
            const hh = digits(s, i, 1, 2);
            if (hh) {
                i = hh[1];
                if (s[i] !== ':')
                    return null;
                const mi = digits(s, i + 1, 1, 2);
                if (!mi)
                    return null;
                i = mi[1];
                let ss = 0;
                if (s[i] === ':') {
                    const sc = digits(s, i + 1, 1, 2);
                    if (!sc)
                        return null;
                    [ss, i] = sc;
                    if (s[i] === '.') {
                        const start = i + 1;
                        let j = start;
                        let frac = 0;
                        while (j < s.length && isDigit(s.charCodeAt(j))) {
                            if (j - start < 6)
                                frac = frac * 10 + (s.charCodeAt(j) - 48);
                            j++;
                        }
                        for (let k = j - start; k < 6; k++)
                            frac *= 10;
                        micros = frac;
                        i = j;
                    }
                }
                if (hh[0] > 23 || mi[0] > 59 || ss > 59)
                    return null;
                secs = hh[0] * 3600 + mi[0] * 60 + ss;
            }
        }
        if (i < s.length) {
            while (s[i] === ' ')
                i++;
            const z = parseZone(s, i);
            if (!z || z[1] !== s.length)
                return null;
            offset = z[0];
        }
    }
    return daysFromCivil(yy, m, d) * MICROS_PER_DAY + (secs - offset) * 1e6 + micros;
}
function tokenize(pattern) {
    const stack = [[]];
    let i = 0;
    const top = () => stack[stack.length - 1];
    while (i < pattern.length) {
        const c = pattern[i];
        if (c === "'") {
            let j = i + 1;
            let text = '';
            if (pattern[j] === "'") {
                top().push({ k: 'lit', text: "'" });
                i = j + 1;
                continue;
            }
            while (j < pattern.length) {
                if (pattern[j] === "'") {
                    if (pattern[j + 1] === "'") {
                        text += "'";
                        j += 2;
                        continue;
                    }
                    break;
                }
                text += pattern[j++];
            }
            top().push({ k: 'lit', text });
            i = j + 1;
        }
        else if (c === '[') {
            stack.push([]);
            i++;
        }
        else if (c === ']') {
            const toks = stack.pop();
            if (!stack.length)
                throw new Error(`unbalanced ']' in datetime pattern '${pattern}'`);
            top().push({ k: 'opt', toks });
            i++;
        }
        else if (/[A-Za-z]/.test(c)) {
            let j = i;
            while (pattern[j] === c)
                j++;
            if (!'yuMLdHhkKmsSaEXxZzVDG'.includes(c))
                throw new Error(`unsupported letter '${c}' in datetime pattern '${pattern}'`);
            top().push({ k: 'field', ch: c, n: j - i });
            i = j;
        }
        else {
            top().push({ k: 'lit', text: c });
            i++;
        }
    }
    if (stack.length !== 1)
        throw new Error(`unbalanced '[' in datetime pattern '${pattern}'`);
    return stack[0];
}
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
function matchName(s, i, names, short) {
    for (let k = 0; k < names.length; k++) {
        const nm = short ? names[k].slice(0, 3) : names[k];
        if (s.substr(i, nm.length).toLowerCase() === nm.toLowerCase())
            return [k, i + nm.length];
    }
    return null;
}
function parseToks(toks, s, i, p) {
    for (let t = 0; t < toks.length; t++) {
        const tok = toks[t];
        if (tok.k === 'lit') {
            if (!s.startsWith(tok.text, i))
                return -1;
            i += tok.text.length;
            continue;
        }
        if (tok.k === 'opt') {
            const save = { ...p };
            const j = parseToks(tok.toks, s, i, p);
            if (j < 0)
                Object.assign(p, save);
            else
                i = j;
            continue;
        }
        const { ch, n } = tok;
        // Adjacent numeric fields without separators ("yyyyMMdd") need fixed widths.
        const next = toks[t + 1];
        const adjacent = next !== undefined && next.k === 'field';
        const width = (min, max) => digits(s, i, adjacent ? Math.max(min, n) : min, adjacent ? Math.max(min, n) : max);
        let r = null;
        switch (ch) {
            case 'y':
            case 'u':
                if (n === 2) {
                    r = digits(s, i, 2, 2);
                    if (r)
                        r[0] += 2000;
                }
                else {
                    r = width(n >= 4 ? 4 : 1, 9);
                }
                if (r)
                    p.y = r[0];
                break;
            case 'M':
            case 'L':
                if (n >= 3)
                    r = matchName(s, i, MONTHS, n === 3);
                if (r)
                    r[0] += 1;
                else if (n <= 2)
                    r = n === 2 ? digits(s, i, 2, 2) : width(1, 2);
                if (r)
                    p.M = r[0];
                break;
            case 'd':
                r = n === 2 ? digits(s, i, 2, 2) : width(1, 2);
                if (r)
                    p.d = r[0];
                break;
            case 'D':
                r = width(1, 3); // day of year: accepted, resolved below only when month is unset
                if (r) {
                    p.M = 1;
                    p.d = r[0];
                }
                break;
            case 'H':
            case 'k':
                r = n === 2 ? digits(s, i, 2, 2) : width(1, 2);
                if (r)
                    p.H = ch === 'k' && r[0] === 24 ? 0 : r[0];
                break;
            case 'h':
            case 'K':
                r = n === 2 ? digits(s, i, 2, 2) : width(1, 2);
                if (r)
                    p.h = r[0] % 12;
                break;
            case 'm':
                r = n === 2 ? digits(s, i, 2, 2) : width(1, 2);
                if (r)
                    p.m = r[0];
                break;
            case 's':
                r = n === 2 ? digits(s, i, 2, 2) : width(1, 2);
                if (r)
                    p.s = r[0];
                break;
            case 'S': {
                const start = i;
                let j = i;
                let frac = 0;
                while (j < s.length && isDigit(s.charCodeAt(j)) && j - start < Math.max(n, 9)) {
                    if (j - start < 6)
                        frac = frac * 10 + (s.charCodeAt(j) - 48);
                    j++;
                }
                if (j === start)
                    return -1;
                for (let k = j - start; k < 6; k++)
                    frac *= 10;
                p.us = frac;
                r = [frac, j];
                break;
            }
            case 'a': {
                const up = s.substr(i, 2).toUpperCase();
                if (up === 'AM' || up === 'PM') {
                    p.pm = up === 'PM' ? 1 : 0;
                    r = [0, i + 2];
                }
                break;
            }
            case 'E':
                r = matchName(s, i, DAYS, n <= 3);
                break;
            case 'G':
                if (s.startsWith('AD', i))
                    r = [0, i + 2];
                break;
            case 'X':
            case 'x':
            case 'Z':
            case 'z':
            case 'V':
                r = parseZone(s, i);
                if (r)
                    p.off = r[0];
                break;
        }
        if (!r)
            return -1;
        i = r[1];
    }
    return i;
}
function pad(v, n) {
    const s = String(Math.abs(v));
    return (v < 0 ? '-' : '') + (s.length >= n ? s : '0'.repeat(n - s.length) + s);
}
function formatOffset(ch, n) {
    // Kindling formats in UTC.
    if (ch === 'X')
        return 'Z';
    if (ch === 'x')
        return n === 1 ? '+00' : n === 2 ? '+0000' : '+00:00';
    if (ch === 'Z')
        return n <= 3 ? '+0000' : 'GMT';
    return 'UTC';
}
function formatToks(toks, f, out) {
    for (const tok of toks) {
        if (tok.k === 'lit')
            out.push(tok.text);
        else if (tok.k === 'opt')
            formatToks(tok.toks, f, out);
        else {
            const { ch, n } = tok;
            switch (ch) {
                case 'y':
                case 'u':
                    out.push(n === 2 ? pad(((f.y % 100) + 100) % 100, 2) : pad(f.y, n));
                    break;
                case 'M':
                case 'L':
                    out.push(n >= 4 ? MONTHS[f.M - 1] : n === 3 ? MONTHS[f.M - 1].slice(0, 3) : pad(f.M, n));
                    break;
                case 'd':
                    out.push(pad(f.d, n));
                    break;
                case 'D':
                    out.push(pad(daysFromCivil(f.y, f.M, f.d) - daysFromCivil(f.y, 1, 1) + 1, n));
                    break;
                case 'H':
                case 'k':
                    out.push(pad(ch === 'k' && f.H === 0 ? 24 : f.H, n));
                    break;
                case 'h':
                case 'K': {
                    const h = f.H % 12;
                    out.push(pad(ch === 'h' && h === 0 ? 12 : h, n));
                    break;
                }
                case 'm':
                    out.push(pad(f.m, n));
                    break;
                case 's':
                    out.push(pad(f.s, n));
                    break;
                case 'S':
                    out.push(pad(f.us, 6).slice(0, n).padEnd(n, '0'));
                    break;
                case 'a':
                    out.push(f.H < 12 ? 'AM' : 'PM');
                    break;
                case 'E':
                    out.push(n >= 4 ? DAYS[f.dow] : DAYS[f.dow].slice(0, 3));
                    break;
                case 'G':
                    out.push('AD');
                    break;
                default:
                    out.push(formatOffset(ch, n));
            }
        }
    }
}
const cache = new Map();
/** Compiles a Spark datetime pattern ("yyyy-MM-dd", "dd/MM/yyyy HH:mm", "yyyy-MM-dd'T'HH:mm:ss[.SSS][XXX]"). */
export function dateTimeFormat(pattern) {
    const hit = cache.get(pattern);
    if (hit)
        return hit;
    const toks = tokenize(pattern);
    const parse = (str) => {
        const p = { y: 1970, M: 1, d: 1, H: 0, h: -1, pm: -1, m: 0, s: 0, us: 0, off: null };
        const end = parseToks(toks, str, 0, p);
        if (end !== str.length)
            return null;
        if (p.h >= 0)
            p.H = p.h + (p.pm === 1 ? 12 : 0);
        else if (p.pm === 1 && p.H < 12)
            p.H += 12;
        if (!validDate(p.y, p.M, p.d) || p.H > 23 || p.m > 59 || p.s > 59)
            return null;
        return p;
    };
    const fields = (micros) => {
        const days = Math.floor(micros / MICROS_PER_DAY);
        let rem = micros - days * MICROS_PER_DAY;
        const [y, M, d] = civilFromDays(days);
        const H = Math.floor(rem / 3.6e9);
        rem -= H * 3.6e9;
        const m = Math.floor(rem / 6e7);
        rem -= m * 6e7;
        const s = Math.floor(rem / 1e6);
        const us = rem - s * 1e6;
        return { y, M, d, H, m, s, us, dow: (((days + 3) % 7) + 7) % 7 };
    };
    const fmt = {
        pattern,
        parseDate(s) {
            const p = parse(s);
            return p ? daysFromCivil(p.y, p.M, p.d) : null;
        },
        parseTimestamp(s) {
            const p = parse(s);
            if (!p)
                return null;
            return daysFromCivil(p.y, p.M, p.d) * MICROS_PER_DAY + (p.H * 3600 + p.m * 60 + p.s - (p.off ?? 0)) * 1e6 + p.us;
        },
        formatDate(days) {
            const out = [];
            formatToks(toks, fields(days * MICROS_PER_DAY), out);
            return out.join('');
        },
        formatTimestamp(micros) {
            const out = [];
            formatToks(toks, fields(Number(micros)), out);
            return out.join('');
        },
    };
    cache.set(pattern, fmt);
    return fmt;
}
/** Spark's default write formats. */
export const DEFAULT_DATE_FORMAT = 'yyyy-MM-dd';
export const DEFAULT_TIMESTAMP_WRITE_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";
/**
 * Date and timestamp conversion for a text source: the user's patterns when given, else Spark's lenient parsers.
 * `inferDate`/`inferTimestamp` are strict (used by schema inference).
 */
export class DateTimeOptions {
    dateFmt;
    tsFmt;
    strictDate;
    writeDate;
    writeTimestamp;
    constructor(dateFormat, timestampFormat) {
        this.dateFmt = dateFormat ? dateTimeFormat(dateFormat) : null;
        this.tsFmt = timestampFormat ? dateTimeFormat(timestampFormat) : null;
        this.strictDate = this.dateFmt ?? dateTimeFormat(DEFAULT_DATE_FORMAT);
        this.writeDate = this.dateFmt ?? dateTimeFormat(DEFAULT_DATE_FORMAT);
        this.writeTimestamp = this.tsFmt ?? dateTimeFormat(DEFAULT_TIMESTAMP_WRITE_FORMAT);
    }
    parseDate(s) {
        if (this.dateFmt)
            return this.dateFmt.parseDate(s);
        return parseDateLenient(s);
    }
    parseTimestamp(s) {
        if (this.tsFmt)
            return this.tsFmt.parseTimestamp(s);
        return parseTimestampLenient(s);
    }
    /** Schema inference: a value is a date only when it matches the date format exactly (Spark 4). */
    inferDate(s) {
        return this.strictDate.parseDate(s) !== null;
    }
    inferTimestamp(s) {
        return this.parseTimestamp(s) !== null;
    }
}
//# sourceMappingURL=datetime.js.map