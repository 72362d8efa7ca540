import * as arrow from 'apache-arrow';
/**
 * Reads values out of Arrow data in the conventions of columns.ts (the writers' input): ints, floats → number;
 * Int64 → bigint; decimal → bigint unscaled; date → days; timestamp → microseconds (number); string → string;
 * binary → Uint8Array; list → array; struct → object by field name; map → [key, value][]; null → null.
 */
export type ValueReader = (i: number) => unknown;
export declare function readerFor(data: arrow.Data): ValueReader;
/** The unscaled decimal as text with `scale` fraction digits ("1.50"). */
export declare function decimalText(unscaled: bigint, scale: number): string;
/** Java's Double.toString, as Spark prints doubles in CSV and JSON: 1.0, 0.001, 1.0E7, 1.5E-5, NaN, Infinity. */
export declare function javaDouble(x: number): string;
/** Java's Float.toString for a float32 value: the shortest decimal that reads back as the same float. */
export declare function javaFloat(x: number): string;
//# sourceMappingURL=values.d.ts.map