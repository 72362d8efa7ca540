import { SqlError } from './errors.js';
/**
 * Dates and timestamps as Spark stores them: a date is a day count since 1970-01-01 (proleptic Gregorian
 * calendar), a timestamp microseconds since 1970-01-01T00:00:00Z. Kindling's session time zone is always UTC:
 * wall-clock fields, casts to and from strings and date_format all read timestamps in UTC. Strings may still
 * carry an explicit zone ("Z", "+08:00", "GMT+1", "Europe/Paris") when parsed.
 */
export const MICROS_PER_SECOND = 1_000_000;
export const MICROS_PER_DAY = 86_400_000_000;
export const MICROS_PER_DAY_N = 86400000000n;
export const SESSION_TIME_ZONE = 'UTC';
// ---------------------------------------------------------------------------------------------- civil calendar
/** Days since the epoch of a proleptic Gregorian date (month 1-12). */
export function daysFromCivil(y, m, d) {
    y -= m <= 2 ? 1 : 0;
    const era = Math.floor(y / 400);
    const yoe = y - era * 400;
    const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
    const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    return era * 146097 + doe - 719468;
}
/** Year, month (1-12) and day of a day count, written into `out`. */
export function civilFromDays(days, out = CIVIL) {
    const z = days + 719468;
    const era = Math.floor(z / 146097);
    const doe = z - era * 146097;
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
    const m = mp < 10 ? mp + 3 : mp - 9;
    out[0] = yoe + era * 400 + (m <= 2 ? 1 : 0);
    out[1] = m;
    out[2] = d;
    return out;
}
const CIVIL = new Int32Array(3);
export const isLeapYear = (y) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export const daysInMonth = (y, m) => (m === 2 && isLeapYear(y) ? 29 : MONTH_DAYS[m - 1]);
/** 1 = Monday … 7 = Sunday (ISO). 1970-01-01 was a Thursday. */
export const isoDayOfWeek = (days) => ((((days + 3) % 7) + 7) % 7) + 1;
export function dayOfYear(days) {
    const c = civilFromDays(days, [0, 0, 0]);
    return days - daysFromCivil(c[0], 1, 1) + 1;
}
// ------------------------------------------------------------------------------------------------ timestamps
/** Splits microseconds into whole days and microseconds of the day (>= 0). */
export function splitMicros(us) {
    const n = Number(us);
    if (Number.isSafeInteger(n)) {
        const days = Math.floor(n / MICROS_PER_DAY);
        return { days, micros: n - days * MICROS_PER_DAY };
    }
    let days = us / MICROS_PER_DAY_N;
    let rem = us % MICROS_PER_DAY_N;
    if (rem < 0n) {
        rem += MICROS_PER_DAY_N;
        days -= 1n;
    }
    return { days: Number(days), micros: Number(rem) };
}
/** Day count of a timestamp (floor), in the session time zone (UTC). */
export function microsToDays(us) {
    const n = Number(us);
    if (Number.isSafeInteger(n))
        return Math.floor(n / MICROS_PER_DAY);
    return splitMicros(us).days;
}
export const daysToMicros = (days) => BigInt(days) * MICROS_PER_DAY_N;
export function pad(n, width) {
    const s = String(Math.abs(n));
    const p = s.length >= width ? s : '0'.repeat(width - s.length) + s;
    return n < 0 ? `-${p}` : p;
}
/** "2020-01-05" (years before 1 as "-0044", beyond 9999 as "+10000" — as Spark prints them). */
export function formatDate(days) {
    const c = civilFromDays(days, [0, 0, 0]);
    return `${formatYear(c[0])}-${pad(c[1], 2)}-${pad(c[2], 2)}`;
}
function formatYear(y) {
    if (y > 9999)
        return `+${y}`;
    return pad(y, 4);
}
/** "2020-01-01 12:34:56.12": Spark's timestamp text, fraction without trailing zeros. */
export function formatTimestamp(us) {
    const { days, micros } = splitMicros(us);
    const secs = Math.floor(micros / MICROS_PER_SECOND);
    const frac = micros - secs * MICROS_PER_SECOND;
    const h = Math.floor(secs / 3600);
    const mi = Math.floor((secs % 3600) / 60);
    const s = secs % 60;
    let out = `${formatDate(days)} ${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}`;
    if (frac !== 0)
        out += `.${pad(frac, 6).replace(/0+$/, '')}`;
    return out;
}
// ------------------------------------------------------------------------------------------------ time zones
const dtfCache = new Map();
function zoneFormatter(zone) {
    let f = dtfCache.get(zone);
    if (f)
        return f;
    try {
        f = new Intl.DateTimeFormat('en-US', {
            timeZone: zone,
            hourCycle: 'h23',
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            hour: 'numeric',
            minute: 'numeric',
            second: 'numeric',
            era: 'short',
        });
    }
    catch {
        return null;
    }
    dtfCache.set(zone, f);
    return f;
}
/** Offset of a region zone at a UTC instant, in milliseconds. */
function regionOffsetMs(f, utcMs) {
    const parts = f.formatToParts(new Date(utcMs));
    let y = 0;
    let mo = 1;
    let d = 1;
    let h = 0;
    let mi = 0;
    let s = 0;
    let bc = false;
    for (const p of parts) {
        switch (p.type) {
            case 'year':
                y = Number(p.value);
                break;
            case 'month':
                mo = Number(p.value);
                break;
            case 'day':
                d = Number(p.value);
                break;
            case 'hour':
                h = Number(p.value);
                break;
            case 'minute':
                mi = Number(p.value);
                break;
            case 'second':
                s = Number(p.value);
                break;
            case 'era':
                bc = p.value.startsWith('B');
                break;
        }
    }
    if (bc)
        y = 1 - y;
    const local = daysFromCivil(y, mo, d) * 86_400_000 + h * 3_600_000 + mi * 60_000 + s * 1000;
    return local - (utcMs - (((utcMs % 1000) + 1000) % 1000));
}
/**
 * A zone given in text: fixed offsets ("Z", "+08:00", "-0530", "+5", "UTC", "GMT+1", "UTC-03:30") or a region
 * ("Europe/Paris", via Intl). Returns a function from local wall-clock microseconds to the zone's offset in
 * microseconds, or null when the zone is not known.
 */
export function parseZone(text) {
    const z = text.trim();
    if (z === '')
        return null;
    const fixed = parseOffset(z);
    if (fixed !== null)
        return () => fixed;
    const m = /^(?:UTC|GMT|UT)([+-].*)$/i.exec(z);
    if (m) {
        const off = parseOffset(m[1]);
        return off === null ? null : () => off;
    }
    if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(z))
        return null;
    const f = zoneFormatter(z);
    if (!f)
        return null;
    return (localMicros) => {
        const localMs = Math.floor(localMicros / 1000);
        const guess = localMs - regionOffsetMs(f, localMs);
        return regionOffsetMs(f, guess) * 1000;
    };
}
/** A fixed offset in microseconds: Z, UTC, GMT, UT, +h, +hh, +hh:mm, +hhmm, +hh:mm:ss. */
export function parseOffset(z) {
    if (/^(?:Z|UTC|GMT|UT)$/i.test(z))
        return 0;
    const m = /^([+-])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?$/.exec(z);
    if (!m)
        return null;
    const h = Number(m[2]);
    const mi = m[3] ? Number(m[3]) : 0;
    const s = m[4] ? Number(m[4]) : 0;
    if (h > 18 || mi > 59 || s > 59)
        return null;
    const v = (h * 3600 + mi * 60 + s) * MICROS_PER_SECOND;
    return m[1] === '-' ? -v : v;
}
// ------------------------------------------------------------------------------------ casts from strings
const DATE_RE = /^([+-]?\d{4,7})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;
/**
 * Spark's string → date: "yyyy", "yyyy-[m]m", "yyyy-[m]m-[d]d", optionally followed by " …" or "T…" (ignored);
 * surrounding whitespace is trimmed. Null when malformed or not a real date.
 */
export function stringToDate(s) {
    let t = s.trim();
    const cut = t.search(/[ T]/);
    if (cut >= 0)
        t = t.slice(0, cut);
    const m = DATE_RE.exec(t);
    if (!m)
        return null;
    const y = Number(m[1]);
    const mo = m[2] ? Number(m[2]) : 1;
    const d = m[3] ? Number(m[3]) : 1;
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo))
        return null;
    return daysFromCivil(y, mo, d);
}
/**
 * Spark's string → timestamp: "yyyy[-[m]m[-[d]d]][( |T)[h]h[:[m]m[:[s]s[.fraction]]]][zone]", or a time alone
 * ("12:34:56", "T12:34:56", today's date). The zone may be Z, an offset or a region; without one the session
 * zone (UTC) applies. Fractions beyond microseconds are truncated. Null when malformed.
 */
export function stringToTimestamp(s, today) {
    const t = s.trim();
    if (t === '')
        return null;
    let y;
    let mo = 1;
    let d = 1;
    let rest;
    const dm = /^([+-]?\d{4,7})(?:-(\d{1,2})(?:-(\d{1,2}))?)?/.exec(t);
    let timePart;
    if (dm && !/^\d{1,2}:/.test(t)) {
        y = Number(dm[1]);
        if (dm[2])
            mo = Number(dm[2]);
        if (dm[3])
            d = Number(dm[3]);
        rest = t.slice(dm[0].length);
        if (rest === '')
            timePart = '';
        else if (rest[0] === ' ' || rest[0] === 'T') {
            if (!dm[3])
                return null;
            timePart = rest.slice(1);
        }
        else if (dm[3])
            timePart = `\u0000${rest}`; // a zone straight after the date is not allowed
        else
            return null;
    }
    else {
        const days = (today ?? todayDays)();
        const c = civilFromDays(days, [0, 0, 0]);
        y = c[0];
        mo = c[1];
        d = c[2];
        timePart = t[0] === 'T' ? t.slice(1) : t;
    }
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo))
        return null;
    let h = 0;
    let mi = 0;
    let sec = 0;
    let frac = 0;
    let zone = '';
    if (timePart.length > 0) {
        if (timePart[0] === '\u0000')
            return null;
        const tm = /^(\d{1,2})(?::(\d{1,2})(?::(\d{1,2})(?:\.(\d*))?)?)?(.*)$/.exec(timePart);
        if (!tm) {
            // no time, only a zone? ("2020-01-01 UTC" is not accepted by Spark either)
            return null;
        }
        h = Number(tm[1]);
        if (tm[2] !== undefined)
            mi = Number(tm[2]);
        if (tm[3] !== undefined)
            sec = Number(tm[3]);
        if (tm[4] !== undefined && tm[4].length > 0)
            frac = Number(tm[4].slice(0, 6).padEnd(6, '0'));
        zone = tm[5];
        if (tm[2] === undefined && zone.startsWith(':'))
            return null;
        if (tm[3] === undefined && zone.startsWith(':'))
            return null;
        if (h > 23 || mi > 59 || sec > 59)
            return null;
    }
    const local = (daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec) * MICROS_PER_SECOND + frac;
    let offset = 0;
    const zt = zone.trim();
    if (zt !== '') {
        const z = parseZone(zt);
        if (!z)
            return null;
        offset = z(local);
    }
    const us = local - offset;
    if (Number.isSafeInteger(us))
        return BigInt(us);
    // Far dates: redo in bigint
    return ((BigInt(daysFromCivil(y, mo, d)) * 86400n + BigInt(h * 3600 + mi * 60 + sec)) * 1000000n + BigInt(frac) - BigInt(offset));
}
export function todayDays() {
    return Math.floor(Date.now() / 86_400_000);
}
export function nowMicros() {
    return BigInt(Date.now()) * 1000n;
}
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const ALLOWED = new Set('GyDMLdQqEFahKkHmsSVzOXxZ'.split(''));
export function invalidPattern(pattern, detail) {
    return new SqlError('INVALID_DATETIME_PATTERN', `Unrecognized datetime pattern: '${pattern}' (${detail}). See the Spark datetime pattern reference.`, {
        sqlState: '22007',
    });
}
const patternCache = new Map();
/** Splits a Spark datetime pattern ("yyyy-MM-dd'T'HH:mm:ss.SSS") into fields and literal text. */
export function compilePattern(pattern) {
    const hit = patternCache.get(pattern);
    if (hit)
        return hit;
    let pos = 0;
    const parse = (inOpt) => {
        const toks = [];
        const lit = (s) => {
            const last = toks[toks.length - 1];
            if (last && last.t === 'lit')
                last.s += s;
            else
                toks.push({ t: 'lit', s });
        };
        while (pos < pattern.length) {
            const ch = pattern[pos];
            if (ch === "'") {
                const end = pattern.indexOf("'", pos + 1);
                if (end === pos + 1) {
                    lit("'");
                    pos += 2;
                    continue;
                }
                let s = '';
                let p = pos + 1;
                for (;;) {
                    const e = pattern.indexOf("'", p);
                    if (e < 0)
                        throw invalidPattern(pattern, 'unterminated quote');
                    s += pattern.slice(p, e);
                    if (pattern[e + 1] === "'") {
                        s += "'";
                        p = e + 2;
                        continue;
                    }
                    pos = e + 1;
                    break;
                }
                lit(s);
            }
            else if (ch === '[') {
                pos++;
                toks.push({ t: 'opt', toks: parse(true) });
            }
            else if (ch === ']') {
                if (!inOpt)
                    throw invalidPattern(pattern, "']' without '['");
                pos++;
                return toks;
            }
            else if (/[A-Za-z]/.test(ch)) {
                let n = 1;
                while (pattern[pos + n] === ch)
                    n++;
                if (!ALLOWED.has(ch)) {
                    if ('YwWuecAnN'.includes(ch))
                        throw invalidPattern(pattern, `the pattern letter '${ch}' is not supported since Spark 3.0`);
                    throw invalidPattern(pattern, `unknown pattern letter '${ch}'`);
                }
                if (n >= 5 && 'GMLEQq'.includes(ch))
                    throw invalidPattern(pattern, `too many pattern letters: ${ch.repeat(n)}`);
                if (n > 9 && ch === 'S')
                    throw invalidPattern(pattern, `too many pattern letters: ${ch.repeat(n)}`);
                toks.push({ t: 'f', c: ch, n });
                pos += n;
            }
            else if (ch === '{' || ch === '}' || ch === '#') {
                throw invalidPattern(pattern, `reserved character '${ch}'`);
            }
            else {
                lit(ch);
                pos++;
            }
        }
        if (inOpt)
            throw invalidPattern(pattern, "'[' without ']'");
        return toks;
    };
    const toks = parse(false);
    if (patternCache.size > 1000)
        patternCache.clear();
    patternCache.set(pattern, toks);
    return toks;
}
/** Formats a timestamp (microseconds, UTC) with a Spark datetime pattern, as date_format does. */
export function formatWithPattern(us, toks) {
    const { days, micros } = splitMicros(us);
    const c = civilFromDays(days, [0, 0, 0]);
    const y = c[0];
    const mo = c[1];
    const d = c[2];
    const secs = Math.floor(micros / MICROS_PER_SECOND);
    const frac = micros - secs * MICROS_PER_SECOND;
    const h = Math.floor(secs / 3600);
    const mi = Math.floor((secs % 3600) / 60);
    const s = secs % 60;
    const out = [];
    const emit = (toks) => {
        for (const tok of toks) {
            if (tok.t === 'lit')
                out.push(tok.s);
            else if (tok.t === 'opt')
                emit(tok.toks);
            else
                out.push(formatField(tok.c, tok.n));
        }
    };
    const formatField = (ch, n) => {
        switch (ch) {
            case 'G':
                return n === 4 ? (y > 0 ? 'Anno Domini' : 'Before Christ') : n === 5 ? (y > 0 ? 'A' : 'B') : y > 0 ? 'AD' : 'BC';
            case 'y': {
                const yoe = y > 0 ? y : 1 - y;
                if (n === 2)
                    return pad(yoe % 100, 2);
                if (n >= 4 && yoe >= 10 ** n)
                    return `+${yoe}`;
                return pad(yoe, n);
            }
            case 'M':
            case 'L':
                return n === 1 ? String(mo) : n === 2 ? pad(mo, 2) : n === 3 ? MONTHS[mo - 1].slice(0, 3) : n === 4 ? MONTHS[mo - 1] : MONTHS[mo - 1][0];
            case 'd':
                return pad(d, n);
            case 'D':
                return pad(days - daysFromCivil(y, 1, 1) + 1, n);
            case 'Q':
            case 'q': {
                const q = Math.floor((mo - 1) / 3) + 1;
                return n <= 2 ? pad(q, n) : n === 3 ? `Q${q}` : `${q}${['st', 'nd', 'rd', 'th'][q - 1]} quarter`;
            }
            case 'E': {
                const name = DAYS[isoDayOfWeek(days) - 1];
                return n <= 3 ? name.slice(0, 3) : n === 4 ? name : name[0];
            }
            case 'F':
                return pad(((d - 1) % 7) + 1, n);
            case 'a':
                return h < 12 ? 'AM' : 'PM';
            case 'h':
                return pad(h % 12 === 0 ? 12 : h % 12, n);
            case 'K':
                return pad(h % 12, n);
            case 'k':
                return pad(h === 0 ? 24 : h, n);
            case 'H':
                return pad(h, n);
            case 'm':
                return pad(mi, n);
            case 's':
                return pad(s, n);
            case 'S':
                return (pad(frac, 6) + '000').slice(0, n).padEnd(n, '0');
            case 'V':
                return 'UTC';
            case 'z':
                return n === 4 ? 'Coordinated Universal Time' : 'UTC';
            case 'O':
                return 'GMT';
            case 'X':
                return 'Z';
            case 'x':
                return n === 1 ? '+00' : n === 2 || n === 4 ? '+0000' : '+00:00';
            case 'Z':
                return n <= 3 ? '+0000' : n === 4 ? 'GMT' : 'Z';
        }
        return '';
    };
    emit(toks);
    return out.join('');
}
class ParseFail {
    message;
    constructor(message) {
        this.message = message;
    }
}
const NUM_WIDTH = {
    M: [1, 2],
    L: [1, 2],
    d: [1, 2],
    H: [1, 2],
    h: [1, 2],
    K: [1, 2],
    k: [1, 2],
    m: [1, 2],
    s: [1, 2],
    D: [1, 3],
    Q: [1, 1],
    q: [1, 1],
    F: [1, 1],
};
function fieldWidth(tok) {
    if (tok.t !== 'f')
        return null;
    const c = tok.c;
    if (c === 'y')
        return tok.n === 2 ? [2, 2] : [tok.n, 10];
    if (c === 'S')
        return [1, tok.n];
    const w = NUM_WIDTH[c];
    if (!w)
        return null;
    if ((c === 'M' || c === 'L' || c === 'Q' || c === 'q') && tok.n >= 3)
        return null;
    return tok.n === 1 ? w : [tok.n, tok.n];
}
/**
 * Parses text with a Spark datetime pattern (case-insensitive, as Spark's formatter). Returns microseconds
 * (UTC) or throws a message naming where parsing stopped ("Text '5/1/2020' could not be parsed at index 0").
 */
export function parseWithPattern(text, toks) {
    const p = {};
    const fail = (index) => new ParseFail(`Text '${text}' could not be parsed at index ${index}`);
    const run = (toks, pos) => {
        for (let i = 0; i < toks.length; i++) {
            const tok = toks[i];
            if (tok.t === 'lit') {
                if (text.slice(pos, pos + tok.s.length).toLowerCase() !== tok.s.toLowerCase())
                    throw fail(pos);
                pos += tok.s.length;
                continue;
            }
            if (tok.t === 'opt') {
                const saved = { ...p };
                try {
                    pos = run(tok.toks, pos);
                }
                catch (e) {
                    if (!(e instanceof ParseFail))
                        throw e;
                    Object.assign(p, saved);
                }
                continue;
            }
            const w = fieldWidth(tok);
            if (w) {
                let avail = 0;
                while (pos + avail < text.length && isDigit(text.charCodeAt(pos + avail)))
                    avail++;
                // Adjacent value parsing: leave room for the fixed-width numeric fields that follow directly.
                let reserved = 0;
                for (let j = i + 1; j < toks.length; j++) {
                    const wj = fieldWidth(toks[j]);
                    if (!wj || wj[0] !== wj[1])
                        break;
                    reserved += wj[0];
                }
                let take = Math.min(w[1], reserved > 0 && w[0] !== w[1] ? avail - reserved : avail);
                if (tok.c === 'y' && tok.n !== 2 && pos < text.length && (text[pos] === '+' || text[pos] === '-')) {
                    // signed years
                    let a2 = 0;
                    while (pos + 1 + a2 < text.length && isDigit(text.charCodeAt(pos + 1 + a2)))
                        a2++;
                    if (a2 < w[0])
                        throw fail(pos);
                    const v = Number(text.slice(pos, pos + 1 + Math.min(a2, w[1])));
                    pos += 1 + Math.min(a2, w[1]);
                    p.y = v;
                    continue;
                }
                if (take < w[0])
                    throw fail(pos);
                if (take > w[1])
                    take = w[1];
                const digits = text.slice(pos, pos + take);
                const v = Number(digits);
                pos += take;
                switch (tok.c) {
                    case 'y':
                        p.y = tok.n === 2 ? 2000 + v : v;
                        break;
                    case 'M':
                    case 'L':
                        p.mo = v;
                        break;
                    case 'd':
                        p.d = v;
                        break;
                    case 'D':
                        p.doy = v;
                        break;
                    case 'H':
                        p.h = v;
                        break;
                    case 'k':
                        p.k24 = v;
                        break;
                    case 'h':
                        p.h12 = v;
                        break;
                    case 'K':
                        p.h12 = v === 0 ? 12 : v;
                        if (v > 11)
                            throw new ParseFail(`Text '${text}' could not be parsed: Invalid value for HourOfAmPm (valid values 0 - 11): ${v}`);
                        break;
                    case 'm':
                        p.mi = v;
                        break;
                    case 's':
                        p.s = v;
                        break;
                    case 'S':
                        p.frac = Number(digits.slice(0, 6).padEnd(6, '0'));
                        break;
                }
                continue;
            }
            const rest = text.slice(pos);
            const matchWord = (words) => {
                const lower = rest.toLowerCase();
                let best = -1;
                for (let k = 0; k < words.length; k++) {
                    if (lower.startsWith(words[k].toLowerCase()) && (best < 0 || words[k].length > words[best].length))
                        best = k;
                }
                if (best < 0)
                    throw fail(pos);
                pos += words[best].length;
                return best;
            };
            switch (tok.c) {
                case 'M':
                case 'L':
                    p.mo = matchWord(tok.n === 3 ? MONTHS.map((m) => m.slice(0, 3)) : tok.n === 4 ? MONTHS : MONTHS.map((m) => m[0])) + 1;
                    break;
                case 'Q':
                case 'q':
                    matchWord(tok.n === 3 ? ['Q1', 'Q2', 'Q3', 'Q4'] : ['1st quarter', '2nd quarter', '3rd quarter', '4th quarter']);
                    break;
                case 'E':
                    matchWord(tok.n <= 3 ? DAYS.map((x) => x.slice(0, 3)) : tok.n === 4 ? DAYS : DAYS.map((x) => x[0]));
                    break;
                case 'a':
                    p.pm = matchWord(['AM', 'PM']) === 1;
                    break;
                case 'G':
                    p.bc = matchWord(tok.n === 4 ? ['Anno Domini', 'Before Christ'] : ['AD', 'BC']) === 1;
                    break;
                case 'X':
                case 'x':
                case 'Z':
                case 'O': {
                    const m = /^(?:Z|GMT|UTC)?(?:[+-]\d{1,2}(?::?\d{2})?(?::?\d{2})?)?/i.exec(rest);
                    const s = m ? m[0] : '';
                    if (s === '' || (tok.c !== 'X' && tok.c !== 'Z' && tok.c !== 'O' && /^z$/i.test(s)))
                        throw fail(pos);
                    const off = parseOffset(s.replace(/^(?:GMT|UTC)(?=[+-])/i, ''));
                    if (off === null)
                        throw fail(pos);
                    p.offset = off;
                    pos += s.length;
                    break;
                }
                case 'V':
                case 'z': {
                    const m = /^[A-Za-z][A-Za-z0-9_/+\-:]*/.exec(rest);
                    if (!m)
                        throw fail(pos);
                    const z = parseZone(m[0]);
                    if (!z)
                        throw fail(pos);
                    p.zone = z;
                    pos += m[0].length;
                    break;
                }
                default:
                    throw fail(pos);
            }
        }
        return pos;
    };
    try {
        const end = run(toks, 0);
        if (end < text.length)
            throw new ParseFail(`Text '${text}' could not be parsed, unparsed text found at index ${end}`);
        return resolveParsed(text, p);
    }
    catch (e) {
        if (e instanceof ParseFail)
            throw new PatternParseError(e.message);
        throw e;
    }
}
export class PatternParseError extends Error {
}
const isDigit = (c) => c >= 48 && c <= 57;
function resolveParsed(text, p) {
    const bad = (field, range, v) => new ParseFail(`Text '${text}' could not be parsed: Invalid value for ${field} (valid values ${range}): ${v}`);
    let y = p.y ?? 1970;
    if (p.bc)
        y = 1 - y;
    let mo = p.mo ?? 1;
    let d = p.d ?? 1;
    if (mo < 1 || mo > 12)
        throw bad('MonthOfYear', '1 - 12', mo);
    if (d < 1 || d > 31)
        throw bad('DayOfMonth', '1 - 28/31', d);
    if (p.doy !== undefined && p.mo === undefined && p.d === undefined) {
        const max = isLeapYear(y) ? 366 : 365;
        if (p.doy < 1 || p.doy > max)
            throw bad('DayOfYear', '1 - 365/366', p.doy);
        const c = civilFromDays(daysFromCivil(y, 1, 1) + p.doy - 1, [0, 0, 0]);
        mo = c[1];
        d = c[2];
    }
    if (d > daysInMonth(y, mo)) {
        throw new ParseFail(`Text '${text}' could not be parsed: Invalid date '${MONTHS[mo - 1].toUpperCase()} ${d}'`);
    }
    let h = 0;
    if (p.h !== undefined)
        h = p.h;
    else if (p.k24 !== undefined)
        h = p.k24 === 24 ? 0 : p.k24;
    else if (p.h12 !== undefined) {
        if (p.h12 < 1 || p.h12 > 12)
            throw bad('ClockHourOfAmPm', '1 - 12', p.h12);
        h = (p.h12 % 12) + (p.pm ? 12 : 0);
    }
    if (h < 0 || h > 23)
        throw bad('HourOfDay', '0 - 23', h);
    const mi = p.mi ?? 0;
    if (mi > 59)
        throw bad('MinuteOfHour', '0 - 59', mi);
    const s = p.s ?? 0;
    if (s > 59)
        throw bad('SecondOfMinute', '0 - 59', s);
    const local = (daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s) * MICROS_PER_SECOND + (p.frac ?? 0);
    const offset = p.offset ?? (p.zone ? p.zone(local) : 0);
    return BigInt(local - offset);
}
//# sourceMappingURL=datetime.js.map