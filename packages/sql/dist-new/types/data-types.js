import * as arrow from 'apache-arrow';
/**
 * Spark SQL's data types, each carried on an Arrow type. `simpleString` is Spark's short name ("int", "bigint",
 * "decimal(10,2)", "array<string>"), used by dtypes, printSchema, cast targets and error messages.
 */
export class DataType {
    simpleString() {
        return this.typeName;
    }
    equals(other) {
        return this.simpleString() === other.simpleString();
    }
    toString() {
        return this.simpleString();
    }
}
class Atomic extends DataType {
    typeName;
    make;
    constructor(typeName, make) {
        super();
        this.typeName = typeName;
        this.make = make;
    }
    toArrow() {
        return this.make();
    }
}
export const BooleanType = new Atomic('boolean', () => new arrow.Bool());
export const ByteType = new Atomic('tinyint', () => new arrow.Int8());
export const ShortType = new Atomic('smallint', () => new arrow.Int16());
export const IntegerType = new Atomic('int', () => new arrow.Int32());
export const LongType = new Atomic('bigint', () => new arrow.Int64());
export const FloatType = new Atomic('float', () => new arrow.Float32());
export const DoubleType = new Atomic('double', () => new arrow.Float64());
export const StringType = new Atomic('string', () => new arrow.Utf8());
export const BinaryType = new Atomic('binary', () => new arrow.Binary());
export const DateType = new Atomic('date', () => new arrow.DateDay());
/** Microseconds since the epoch, UTC, as Spark's TimestampType. */
export const TimestampType = new Atomic('timestamp', () => new arrow.TimestampMicrosecond('UTC'));
export const NullType = new Atomic('void', () => new arrow.Null());
export class DecimalType extends DataType {
    precision;
    scale;
    typeName = 'decimal';
    constructor(precision = 10, scale = 0) {
        super();
        this.precision = precision;
        this.scale = scale;
    }
    simpleString() {
        return `decimal(${this.precision},${this.scale})`;
    }
    toArrow() {
        return new arrow.Decimal(this.scale, this.precision, 128);
    }
}
/** Fields of ANSI intervals, in Spark's order: YEAR, MONTH for year-month; DAY, HOUR, MINUTE, SECOND for day-time. */
export const YEAR_MONTH_FIELDS = ['year', 'month'];
export const DAY_TIME_FIELDS = ['day', 'hour', 'minute', 'second'];
/** Spark's YearMonthIntervalType: a number of months (an int), e.g. `INTERVAL '3' MONTH`. */
export class YearMonthIntervalType extends DataType {
    startField;
    endField;
    typeName = 'interval';
    constructor(startField = 0, endField = 1) {
        super();
        this.startField = startField;
        this.endField = endField;
    }
    simpleString() {
        const a = YEAR_MONTH_FIELDS[this.startField];
        const b = YEAR_MONTH_FIELDS[this.endField];
        return a === b ? `interval ${a}` : `interval ${a} to ${b}`;
    }
    toArrow() {
        return new arrow.IntervalYearMonth();
    }
}
/** Spark's DayTimeIntervalType: a number of microseconds (a bigint), e.g. `INTERVAL '90' DAY`. */
export class DayTimeIntervalType extends DataType {
    startField;
    endField;
    typeName = 'interval';
    constructor(startField = 0, endField = 3) {
        super();
        this.startField = startField;
        this.endField = endField;
    }
    simpleString() {
        const a = DAY_TIME_FIELDS[this.startField];
        const b = DAY_TIME_FIELDS[this.endField];
        return a === b ? `interval ${a}` : `interval ${a} to ${b}`;
    }
    toArrow() {
        return new arrow.Duration(arrow.TimeUnit.MICROSECOND);
    }
}
export class ArrayType extends DataType {
    elementType;
    containsNull;
    typeName = 'array';
    constructor(elementType, containsNull = true) {
        super();
        this.elementType = elementType;
        this.containsNull = containsNull;
    }
    simpleString() {
        return `array<${this.elementType.simpleString()}>`;
    }
    toArrow() {
        return new arrow.List(new arrow.Field('element', this.elementType.toArrow(), this.containsNull));
    }
}
export class MapType extends DataType {
    keyType;
    valueType;
    valueContainsNull;
    typeName = 'map';
    constructor(keyType, valueType, valueContainsNull = true) {
        super();
        this.keyType = keyType;
        this.valueType = valueType;
        this.valueContainsNull = valueContainsNull;
    }
    simpleString() {
        return `map<${this.keyType.simpleString()},${this.valueType.simpleString()}>`;
    }
    toArrow() {
        const entries = new arrow.Struct([
            new arrow.Field('key', this.keyType.toArrow(), false),
            new arrow.Field('value', this.valueType.toArrow(), this.valueContainsNull),
        ]);
        return new arrow.Map_(new arrow.Field('entries', entries, false));
    }
}
export class StructField {
    name;
    dataType;
    nullable;
    constructor(name, dataType, nullable = true) {
        this.name = name;
        this.dataType = dataType;
        this.nullable = nullable;
    }
    toArrow() {
        return new arrow.Field(this.name, this.dataType.toArrow(), this.nullable);
    }
}
export class StructType extends DataType {
    fields;
    typeName = 'struct';
    constructor(fields = []) {
        super();
        this.fields = fields;
    }
    add(name, dataType, nullable = true) {
        return new StructType([...this.fields, new StructField(name, dataType, nullable)]);
    }
    get fieldNames() {
        return this.fields.map((f) => f.name);
    }
    simpleString() {
        return `struct<${this.fields.map((f) => `${f.name}:${f.dataType.simpleString()}`).join(',')}>`;
    }
    toArrow() {
        return new arrow.Struct(this.fields.map((f) => f.toArrow()));
    }
    toArrowSchema() {
        return new arrow.Schema(this.fields.map((f) => f.toArrow()));
    }
    /** printSchema's tree, as Spark prints it. */
    treeString() {
        const lines = ['root'];
        const walk = (fields, prefix) => {
            for (const f of fields) {
                lines.push(`${prefix}-- ${f.name}: ${typeLabel(f.dataType)} (nullable = ${f.nullable})`);
                nested(f.dataType, `${prefix}    |`);
            }
        };
        const nested = (t, prefix) => {
            if (t instanceof StructType)
                walk(t.fields, prefix);
            else if (t instanceof ArrayType) {
                lines.push(`${prefix}-- element: ${typeLabel(t.elementType)} (containsNull = ${t.containsNull})`);
                nested(t.elementType, `${prefix}    |`);
            }
            else if (t instanceof MapType) {
                lines.push(`${prefix}-- key: ${typeLabel(t.keyType)}`);
                nested(t.keyType, `${prefix}    |`);
                lines.push(`${prefix}-- value: ${typeLabel(t.valueType)} (valueContainsNull = ${t.valueContainsNull})`);
                nested(t.valueType, `${prefix}    |`);
            }
        };
        walk(this.fields, ' |');
        return lines.join('\n') + '\n';
    }
}
/** printSchema names complex types by kind only ("array", "struct"), atomic ones by their simple string. */
function typeLabel(t) {
    return t instanceof StructType || t instanceof ArrayType || t instanceof MapType ? t.typeName : t.simpleString();
}
/** The Spark type of an Arrow type. */
export function fromArrow(t) {
    if (arrow.DataType.isBool(t))
        return BooleanType;
    if (arrow.DataType.isInt(t)) {
        return { 8: ByteType, 16: ShortType, 32: IntegerType, 64: LongType }[t.bitWidth];
    }
    if (arrow.DataType.isFloat(t))
        return t.precision === arrow.Precision.SINGLE ? FloatType : DoubleType;
    if (arrow.DataType.isDecimal(t))
        return new DecimalType(t.precision, t.scale);
    if (arrow.DataType.isUtf8(t) || arrow.DataType.isLargeUtf8(t))
        return StringType;
    if (arrow.DataType.isDictionary(t))
        return fromArrow(t.dictionary);
    if (arrow.DataType.isBinary(t) || arrow.DataType.isLargeBinary(t))
        return BinaryType;
    if (arrow.DataType.isDate(t))
        return DateType;
    if (arrow.DataType.isTimestamp(t))
        return TimestampType;
    if (arrow.DataType.isNull(t))
        return NullType;
    if (arrow.DataType.isInterval(t) && t.unit === arrow.IntervalUnit.YEAR_MONTH)
        return new YearMonthIntervalType();
    if (arrow.DataType.isDuration(t))
        return new DayTimeIntervalType();
    if (arrow.DataType.isList(t))
        return new ArrayType(fromArrow(t.children[0].type), t.children[0].nullable);
    if (arrow.DataType.isMap(t)) {
        const entries = t.children[0].type;
        return new MapType(fromArrow(entries.children[0].type), fromArrow(entries.children[1].type), entries.children[1].nullable);
    }
    if (arrow.DataType.isStruct(t))
        return new StructType(t.children.map((f) => new StructField(f.name, fromArrow(f.type), f.nullable)));
    throw new TypeError(`Arrow type ${t} has no Spark SQL equivalent`);
}
export function schemaFromArrow(s) {
    return new StructType(s.fields.map((f) => new StructField(f.name, fromArrow(f.type), f.nullable)));
}
export const isNumeric = (t) => [ByteType, ShortType, IntegerType, LongType, FloatType, DoubleType].includes(t) || t instanceof DecimalType;
export const isIntegral = (t) => [ByteType, ShortType, IntegerType, LongType].includes(t);
//# sourceMappingURL=data-types.js.map