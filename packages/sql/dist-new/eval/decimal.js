/**
 * Decimal arithmetic on unscaled bigint values (value = unscaled × 10^-scale), as Spark's Decimal with
 * java.math.BigDecimal: exact, rounding HALF_UP when the scale shrinks.
 */
export const POW10 = (() => {
    const out = [1n];
    for (let i = 1; i <= 80; i++)
        out.push(out[i - 1] * 10n);
    return out;
})();
export function pow10(n) {
    return n <= 80 ? POW10[n] : 10n ** BigInt(n);
}
/** Divides with rounding HALF_UP (ties away from zero), as BigDecimal.setScale(s, HALF_UP). */
export function divHalfUp(a, b) {
    if (b < 0n) {
        a = -a;
        b = -b;
    }
    const q = a / b;
    const r = a % b;
    if (r === 0n)
        return q;
    const twice = (r < 0n ? -r : r) * 2n;
    if (twice >= b)
        return a < 0n ? q - 1n : q + 1n;
    return q;
}
/** Rescales an unscaled value from scale `from` to scale `to`, rounding HALF_UP when digits are dropped. */
export function rescale(unscaled, from, to) {
    if (to === from)
        return unscaled;
    if (to > from)
        return unscaled * pow10(to - from);
    return divHalfUp(unscaled, pow10(from - to));
}
/** Rescales rounding toward zero (truncation), as casts of decimals to integral types do. */
export function rescaleDown(unscaled, from, to) {
    if (to >= from)
        return unscaled * pow10(to - from);
    return unscaled / pow10(from - to);
}
/** Rounds a value at scale `from` to `to` digits after the point (round/bround/floor/ceil); the result has scale `to`. */
export function roundUnscaled(unscaled, from, to, mode) {
    if (to >= from)
        return unscaled * pow10(to - from);
    const f = pow10(from - to);
    let q = unscaled / f;
    const r = unscaled % f;
    if (r !== 0n) {
        if (mode === 'half_up' || mode === 'half_even') {
            const twice = (r < 0n ? -r : r) * 2n;
            if (twice > f || (twice === f && (mode === 'half_up' || (q & 1n) !== 0n)))
                q += unscaled < 0n ? -1n : 1n;
        }
        else if (mode === 'floor') {
            if (r < 0n)
                q -= 1n;
        }
        else if (r > 0n)
            q += 1n;
    }
    return q;
}
/** True when the unscaled value has at most `precision` digits. */
export function fitsPrecision(unscaled, precision) {
    const lim = pow10(precision);
    return unscaled < lim && unscaled > -lim;
}
/** Plain notation with exactly `scale` digits after the point ("100.00", "0.00000001", "-1.5"). */
export function decimalToString(unscaled, scale) {
    const neg = unscaled < 0n;
    let s = (neg ? -unscaled : unscaled).toString();
    if (scale > 0) {
        if (s.length <= scale)
            s = '0'.repeat(scale - s.length + 1) + s;
        s = `${s.slice(0, s.length - scale)}.${s.slice(s.length - scale)}`;
    }
    else if (scale < 0)
        s += '0'.repeat(-scale);
    return neg ? `-${s}` : s;
}
/** The nearest double (correctly rounded). */
export function decimalToNumber(unscaled, scale) {
    if (scale >= 0 && scale <= 22 && unscaled <= 9007199254740991n && unscaled >= -9007199254740991n) {
        // Both operands are exact doubles, so one IEEE division rounds correctly.
        return scale === 0 ? Number(unscaled) : Number(unscaled) / 10 ** scale;
    }
    return Number.parseFloat(decimalToString(unscaled, scale));
}
const DECIMAL_RE = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
/**
 * Parses decimal text as java.math.BigDecimal does ("12.5", "-.5", "1e3", "1.5E-2"); null when malformed.
 * The result keeps the digits as written: "1.50" is unscaled 150 at scale 2; "1e3" is 1 at scale -3.
 */
export function parseDecimal(text) {
    const m = DECIMAL_RE.exec(text);
    if (!m)
        return null;
    const intPart = m[2];
    const frac = m[3] ?? '';
    if (intPart.length === 0 && frac.length === 0)
        return null;
    const exp = m[4] ? Number(m[4]) : 0;
    if (!Number.isFinite(exp) || Math.abs(exp) > 100_000)
        return null;
    let unscaled = BigInt((intPart + frac) || '0');
    if (m[1] === '-')
        unscaled = -unscaled;
    return { unscaled, scale: frac.length - exp };
}
/**
 * A double as a decimal of the given scale, the way Spark does it: through the double's shortest decimal text
 * (Scala's BigDecimal(double)), then HALF_UP. Null for NaN and infinities.
 */
export function decimalFromNumber(d, scale) {
    if (!Number.isFinite(d))
        return null;
    if (Number.isInteger(d) && Math.abs(d) <= 9007199254740991)
        return BigInt(d) * pow10Signed(scale);
    const p = parseDecimal(String(d));
    if (!p)
        return null;
    return rescale(p.unscaled, p.scale, scale);
}
function pow10Signed(scale) {
    if (scale < 0)
        throw new RangeError('negative scale');
    return pow10(scale);
}
/** Number of decimal digits of |v| (0 has 1 digit). */
export function digitCount(v) {
    if (v < 0n)
        v = -v;
    if (v < 10n)
        return 1;
    return v.toString().length;
}
//# sourceMappingURL=decimal.js.map