import { DecimalType, type DataType } from '../types/data-types.js';
import type { Vec } from './vec.js';
/**
 * CAST between Spark types with ANSI semantics: malformed input raises CAST_INVALID_INPUT, values out of the
 * target's range CAST_OVERFLOW (NUMERIC_VALUE_OUT_OF_RANGE for decimals). With `ansi = false` (try_cast) those
 * rows become NULL. Which casts exist at all is `canCast` in coercion.ts; casts it rejects throw here too.
 */
/** Converts one non-null slot value; returns null for a NULL result (only when not ANSI). */
export type SlotConverter = (v: any) => any;
/** Spark's SQL literal text of a value, as error messages show it (3000000000L, 1.0E20D, 'abc', 12.5BD). */
export declare function sqlLiteral(v: any, t: DataType): string;
/** The converter for one pair of types. */
export declare function slotConverter(from: DataType, to: DataType, ansi: boolean): SlotConverter;
export declare function castNotSupported(from: DataType, to: DataType): import("./errors.js").SqlError;
/** Slot value → Spark's string form ("1.0E10", "2020-01-01 00:00:00", "[1, null]", "{a -> 1}", "{1, x}"). */
export declare function castToString(from: DataType): (v: any) => string;
/** Casts a column. Types that already match come back unchanged. */
export declare function castVec(v: Vec, to: DataType, ansi?: boolean): Vec;
/** Casts one slot value (null stays null). */
export declare function castSlot(v: unknown, from: DataType, to: DataType, ansi?: boolean): unknown;
export { DecimalType };
//# sourceMappingURL=cast.d.ts.map