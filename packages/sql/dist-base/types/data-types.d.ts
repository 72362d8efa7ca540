import * as arrow from 'apache-arrow';
/**
 * Spark SQL's data types, each carried on an Arrow type. `simpleString` is Spark's short name ("int", "bigint",
 * "decimal(10,2)", "array<string>"), used by dtypes, printSchema, cast targets and error messages.
 */
export declare abstract class DataType {
    abstract readonly typeName: string;
    abstract toArrow(): arrow.DataType;
    simpleString(): string;
    equals(other: DataType): boolean;
    toString(): string;
}
declare class Atomic<N extends string> extends DataType {
    readonly typeName: N;
    private readonly make;
    constructor(typeName: N, make: () => arrow.DataType);
    toArrow(): arrow.DataType;
}
export declare const BooleanType: Atomic<"boolean">;
export declare const ByteType: Atomic<"tinyint">;
export declare const ShortType: Atomic<"smallint">;
export declare const IntegerType: Atomic<"int">;
export declare const LongType: Atomic<"bigint">;
export declare const FloatType: Atomic<"float">;
export declare const DoubleType: Atomic<"double">;
export declare const StringType: Atomic<"string">;
export declare const BinaryType: Atomic<"binary">;
export declare const DateType: Atomic<"date">;
/** Microseconds since the epoch, UTC, as Spark's TimestampType. */
export declare const TimestampType: Atomic<"timestamp">;
export declare const NullType: Atomic<"void">;
export declare class DecimalType extends DataType {
    readonly precision: number;
    readonly scale: number;
    readonly typeName = "decimal";
    constructor(precision?: number, scale?: number);
    simpleString(): string;
    toArrow(): arrow.DataType;
}
/** Fields of ANSI intervals, in Spark's order: YEAR, MONTH for year-month; DAY, HOUR, MINUTE, SECOND for day-time. */
export declare const YEAR_MONTH_FIELDS: readonly ["year", "month"];
export declare const DAY_TIME_FIELDS: readonly ["day", "hour", "minute", "second"];
/** Spark's YearMonthIntervalType: a number of months (an int), e.g. `INTERVAL '3' MONTH`. */
export declare class YearMonthIntervalType extends DataType {
    readonly startField: number;
    readonly endField: number;
    readonly typeName = "interval";
    constructor(startField?: number, endField?: number);
    simpleString(): string;
    toArrow(): arrow.DataType;
}
/** Spark's DayTimeIntervalType: a number of microseconds (a bigint), e.g. `INTERVAL '90' DAY`. */
export declare class DayTimeIntervalType extends DataType {
    readonly startField: number;
    readonly endField: number;
    readonly typeName = "interval";
    constructor(startField?: number, endField?: number);
    simpleString(): string;
    toArrow(): arrow.DataType;
}
export declare class ArrayType extends DataType {
    readonly elementType: DataType;
    readonly containsNull: boolean;
    readonly typeName = "array";
    constructor(elementType: DataType, containsNull?: boolean);
    simpleString(): string;
    toArrow(): arrow.DataType;
}
export declare class MapType extends DataType {
    readonly keyType: DataType;
    readonly valueType: DataType;
    readonly valueContainsNull: boolean;
    readonly typeName = "map";
    constructor(keyType: DataType, valueType: DataType, valueContainsNull?: boolean);
    simpleString(): string;
    toArrow(): arrow.DataType;
}
export declare class StructField {
    readonly name: string;
    readonly dataType: DataType;
    readonly nullable: boolean;
    constructor(name: string, dataType: DataType, nullable?: boolean);
    toArrow(): arrow.Field;
}
export declare class StructType extends DataType {
    readonly fields: StructField[];
    readonly typeName = "struct";
    constructor(fields?: StructField[]);
    add(name: string, dataType: DataType, nullable?: boolean): StructType;
    get fieldNames(): string[];
    simpleString(): string;
    toArrow(): arrow.DataType;
    toArrowSchema(): arrow.Schema;
    /** printSchema's tree, as Spark prints it. */
    treeString(): string;
}
/** The Spark type of an Arrow type. */
export declare function fromArrow(t: arrow.DataType): DataType;
export declare function schemaFromArrow(s: arrow.Schema): StructType;
export declare const isNumeric: (t: DataType) => boolean;
export declare const isIntegral: (t: DataType) => boolean;
export {};
//# sourceMappingURL=data-types.d.ts.map