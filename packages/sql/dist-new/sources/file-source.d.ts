import type { RecordBatch } from 'apache-arrow';
import type { StructType } from '../types/data-types.js';
/** Options as given to DataFrameReader.option(s): keys are case-insensitive as in Spark, values strings. */
export type SourceOptions = Record<string, string>;
/** One unit of reading work: a byte range of a file, or a whole file for formats that cannot be split. */
export interface FileSplit {
    index: number;
    path: string;
    start: number;
    length: number;
}
/**
 * A file format (csv, json, parquet, text). The driver lists and splits files and infers the schema; tasks read
 * their split into Arrow record batches holding only the columns the plan needs (`columns`, in the order given).
 * Reading runs inside worker threads, so `read` must depend only on its arguments.
 */
export interface FileFormat {
    readonly name: string;
    /** Splits for these files; splittable formats cut byte ranges whose records are each read exactly once. */
    planSplits(files: {
        path: string;
        size: number;
    }[], options: SourceOptions, minPartitions: number): FileSplit[];
    /** Schema from the data (header, sampling, type inference), when the user gave none. */
    inferSchema(files: {
        path: string;
        size: number;
    }[], options: SourceOptions): StructType;
    /**
     * Reads one split. `schema` is the full schema of the file; `columns` the names to produce. A string column may
     * come as Utf8 or dictionary-encoded (Dictionary<Int32, Utf8>); both are StringType.
     */
    read(split: FileSplit, schema: StructType, columns: string[], options: SourceOptions): Iterable<RecordBatch>;
}
//# sourceMappingURL=file-source.d.ts.map