/**
 * Numbers to and from text the way Spark (the JVM) does it: Double.toString / Float.toString for output
 * ("1.0", "1.0E10", "1.0E-4", "NaN", "Infinity"), and the lenient-but-ANSI parsing of casts from strings.
 */
/** Java's Double.toString with the shortest round-trip digits (as JDK 19+; JDK 17 sometimes prints more digits). */
export declare function formatDouble(d: number): string;
/** Java's Float.toString for a float32 value held in a double: the fewest digits that read back as the same float. */
export declare function formatFloat(f: number): string;
/** Trims the characters Spark's UTF8String.trimAll removes: whitespace and control characters (<= U+0020). */
export declare function trimAll(s: string): string;
/** String to an integral value in [min, max] (as number); null when malformed or out of range (Spark: invalid input). */
export declare function parseIntegral(s: string, min: number, max: number): number | null;
export declare function parseLong(s: string): bigint | null;
/**
 * String to double as Spark's cast: Java's Double.parseDouble grammar (optional f/d suffix, no hex) plus the
 * special words inf, infinity, nan in any case. Null when malformed.
 */
export declare function parseDouble(s: string): number | null;
//# sourceMappingURL=number-format.d.ts.map