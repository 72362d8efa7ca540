/**
 * Numbers to and from text the way Spark (the JVM) does it: Double.toString / Float.toString for output
 * ("1.0", "1.0E10", "1.0E-4", "NaN", "Infinity"), and the lenient-but-ANSI parsing of casts from strings.
 */
/** Java's Double.toString with the shortest round-trip digits (as JDK 19+; JDK 17 sometimes prints more digits). */
export function formatDouble(d) {
    if (d !== d)
        return 'NaN';
    if (d === Infinity)
        return 'Infinity';
    if (d === -Infinity)
        return '-Infinity';
    if (d === 0)
        return Object.is(d, -0) ? '-0.0' : '0.0';
    const abs = Math.abs(d);
    if (abs >= 1e-3 && abs < 1e7) {
        const s = String(d);
        return s.includes('.') ? s : `${s}.0`;
    }
    return scientific(d.toExponential());
}
/** Java's Float.toString for a float32 value held in a double: the fewest digits that read back as the same float. */
export function formatFloat(f) {
    if (f !== f)
        return 'NaN';
    if (f === Infinity)
        return 'Infinity';
    if (f === -Infinity)
        return '-Infinity';
    if (f === 0)
        return Object.is(f, -0) ? '-0.0' : '0.0';
    let digits = '';
    for (let p = 1; p <= 9; p++) {
        digits = f.toPrecision(p);
        if (Math.fround(Number(digits)) === f)
            break;
    }
    const d = Number(digits);
    const abs = Math.abs(d);
    if (abs >= 1e-3 && abs < 1e7) {
        const s = String(d);
        return s.includes('.') ? s : `${s}.0`;
    }
    return scientific(d.toExponential());
}
function scientific(exp) {
    // "1.2345e+10" → "1.2345E10", "1e-5" → "1.0E-5"
    const e = exp.indexOf('e');
    let mant = exp.slice(0, e);
    let pow = exp.slice(e + 1);
    if (!mant.includes('.'))
        mant += '.0';
    if (pow.startsWith('+'))
        pow = pow.slice(1);
    return `${mant}E${pow}`;
}
/** Trims the characters Spark's UTF8String.trimAll removes: whitespace and control characters (<= U+0020). */
export function trimAll(s) {
    let a = 0;
    let b = s.length;
    while (a < b && s.charCodeAt(a) <= 0x20)
        a++;
    while (b > a && s.charCodeAt(b - 1) <= 0x20)
        b--;
    return a === 0 && b === s.length ? s : s.slice(a, b);
}
const INT_RE = /^[+-]?\d+$/;
/** String to an integral value in [min, max] (as number); null when malformed or out of range (Spark: invalid input). */
export function parseIntegral(s, min, max) {
    const t = trimAll(s);
    if (!INT_RE.test(t))
        return null;
    const v = Number(t);
    if (v < min || v > max || !Number.isSafeInteger(v)) {
        // Large values with leading zeros are still exact through BigInt; others are out of range.
        return null;
    }
    return v;
}
const MIN_LONG = -(2n ** 63n);
const MAX_LONG = 2n ** 63n - 1n;
export function parseLong(s) {
    const t = trimAll(s);
    if (!INT_RE.test(t))
        return null;
    const v = BigInt(t);
    return v < MIN_LONG || v > MAX_LONG ? null : v;
}
const FLOAT_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[fFdD]?$/;
/**
 * String to double as Spark's cast: Java's Double.parseDouble grammar (optional f/d suffix, no hex) plus the
 * special words inf, infinity, nan in any case. Null when malformed.
 */
export function parseDouble(s) {
    const t = trimAll(s);
    if (FLOAT_RE.test(t)) {
        const last = t.charCodeAt(t.length - 1);
        return Number(last > 0x39 ? t.slice(0, -1) : t);
    }
    switch (t.toLowerCase()) {
        case 'inf':
        case '+inf':
        case 'infinity':
        case '+infinity':
            return Infinity;
        case '-inf':
        case '-infinity':
            return -Infinity;
        case 'nan':
            return NaN;
    }
    return null;
}
//# sourceMappingURL=number-format.js.map