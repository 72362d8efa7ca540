import type * as arrow from 'apache-arrow';
import type { FileFormat } from '../file-source.js';
import { StructType } from '../../types/data-types.js';
/** Spark's text source schema: one string column `value`. */
export declare const TEXT_SCHEMA: StructType;
/** Spark's text data source: a row per line (or per file with `wholetext`), splittable like any line format. */
export declare const textFormat: FileFormat;
/** Formats the single string column of record batches as lines (Spark's text writer). */
export declare function encodeTextLines(batch: arrow.RecordBatch, column: number, lineSep?: string): string;
//# sourceMappingURL=index.d.ts.map