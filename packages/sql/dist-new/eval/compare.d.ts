import type { DataType } from '../types/data-types.js';
import { ArrayType, MapType, StructType } from './types.js';
/**
 * Ordering and equality of non-null slot values, as Spark orders them: NaN is larger than any other double and
 * equal to itself, -0.0 equals 0.0; strings compare by UTF-16 code units (Spark: UTF-8 bytes — they differ only
 * between U+E000–U+FFFF and characters beyond U+FFFF); binary unsigned bytewise; arrays and structs element by
 * element with null first; maps are not comparable (only equality, order-sensitive as Spark).
 */
export type Comparator = (a: any, b: any) => number;
export declare function compareDoubles(a: number, b: number): number;
export declare function compareBytes(a: Uint8Array, b: Uint8Array): number;
export declare function comparatorFor(t: DataType): Comparator;
export type Equality = (a: any, b: any) => boolean;
export declare function equalityFor(t: DataType): Equality;
/** A key for hashing a slot value by value (Set/Map lookups): primitives as they are, others as text. */
export declare function hashKeyFor(t: DataType): (v: any) => unknown;
export { ArrayType, MapType, StructType };
//# sourceMappingURL=compare.d.ts.map