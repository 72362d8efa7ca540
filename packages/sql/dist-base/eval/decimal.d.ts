/**
 * Decimal arithmetic on unscaled bigint values (value = unscaled × 10^-scale), as Spark's Decimal with
 * java.math.BigDecimal: exact, rounding HALF_UP when the scale shrinks.
 */
export declare const POW10: bigint[];
export declare function pow10(n: number): bigint;
/** Divides with rounding HALF_UP (ties away from zero), as BigDecimal.setScale(s, HALF_UP). */
export declare function divHalfUp(a: bigint, b: bigint): bigint;
/** Rescales an unscaled value from scale `from` to scale `to`, rounding HALF_UP when digits are dropped. */
export declare function rescale(unscaled: bigint, from: number, to: number): bigint;
/** Rescales rounding toward zero (truncation), as casts of decimals to integral types do. */
export declare function rescaleDown(unscaled: bigint, from: number, to: number): bigint;
/** Rounds a value at scale `from` to `to` digits after the point (round/bround/floor/ceil); the result has scale `to`. */
export declare function roundUnscaled(unscaled: bigint, from: number, to: number, mode: 'half_up' | 'half_even' | 'floor' | 'ceil'): bigint;
/** True when the unscaled value has at most `precision` digits. */
export declare function fitsPrecision(unscaled: bigint, precision: number): boolean;
/** Plain notation with exactly `scale` digits after the point ("100.00", "0.00000001", "-1.5"). */
export declare function decimalToString(unscaled: bigint, scale: number): string;
/** The nearest double (correctly rounded). */
export declare function decimalToNumber(unscaled: bigint, scale: number): number;
/**
 * Parses decimal text as java.math.BigDecimal does ("12.5", "-.5", "1e3", "1.5E-2"); null when malformed.
 * The result keeps the digits as written: "1.50" is unscaled 150 at scale 2; "1e3" is 1 at scale -3.
 */
export declare function parseDecimal(text: string): {
    unscaled: bigint;
    scale: number;
} | null;
/**
 * A double as a decimal of the given scale, the way Spark does it: through the double's shortest decimal text
 * (Scala's BigDecimal(double)), then HALF_UP. Null for NaN and infinities.
 */
export declare function decimalFromNumber(d: number, scale: number): bigint | null;
/** Number of decimal digits of |v| (0 has 1 digit). */
export declare function digitCount(v: bigint): number;
//# sourceMappingURL=decimal.d.ts.map