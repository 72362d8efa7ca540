import * as arrow from 'apache-arrow';
import type { FileFormat, SourceOptions } from '../file-source.js';
import { type DataType, StructType } from '../../types/data-types.js';
export { readFooter } from './metadata.js';
type ParquetWasm = typeof import('parquet-wasm');
/** parquet-wasm, loaded on first use (its WebAssembly module is 15 MB; plans without Parquet never pay for it). */
export declare function parquetWasm(): ParquetWasm;
/** The Spark type of an Arrow type as Parquet readers produce it (unsigned ints widen, all timestamps → timestamp). */
export declare function sparkTypeOf(t: arrow.DataType): DataType;
/** Converts a column to the Spark type's Arrow layout: relabelled when the layout matches, else value by value. */
export declare function conformData(data: arrow.Data, type: DataType): arrow.Data;
/** The extension Spark gives Parquet part files for a compression codec (".snappy.parquet"). */
export declare function parquetExtension(options: SourceOptions): string;
/** Writes record batches (all of one schema) to a Parquet file. */
export declare function writeParquetFile(path: string, schema: StructType, batches: arrow.RecordBatch[], options: SourceOptions): void;
/** Spark's Parquet data source on parquet-wasm (arrow-rs compiled to WebAssembly). */
export declare const parquetFormat: FileFormat;
//# sourceMappingURL=index.d.ts.map