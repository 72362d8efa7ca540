import { DataType, StructType } from './data-types.js';
export declare class TypeParseError extends Error {
}
/**
 * Parses Spark's type strings: "int", "bigint", "decimal(10,2)", "array<string>", "map<string,int>",
 * "struct<a:int,b:string>" (case-insensitive, as in cast targets and DDL schemas).
 */
export declare function parseType(text: string): DataType;
/** A DDL schema string: "name string, age int". */
export declare function parseSchema(ddl: string): StructType;
/** The DDL form of a schema, readable by parseSchema (names back-quoted, NOT NULL kept). */
export declare function toDDL(schema: StructType): string;
//# sourceMappingURL=parse-type.d.ts.map