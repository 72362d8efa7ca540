import * as arrow from 'apache-arrow';
import type { FileSplit } from '../file-source.js';
import { StructField, type StructType } from '../../types/data-types.js';
import type { CsvOptions } from './options.js';
/** Rows per record batch. */
export declare const BATCH_ROWS = 65536;
/** The file's own columns: the schema without the corrupt-record column. */
export declare function dataFields(schema: StructType, o: CsvOptions): StructField[];
/**
 * Reads one split of a CSV file into record batches of the requested columns. Only those columns are converted;
 * the rest are only scanned past. Records are lines (each split owns the lines that start in it) unless
 * multiLine is set, when the whole file is one split and quoted values may hold newlines.
 */
export declare function readCsvSplit(split: FileSplit, schema: StructType, columns: string[], o: CsvOptions): Generator<arrow.RecordBatch>;
//# sourceMappingURL=read.d.ts.map