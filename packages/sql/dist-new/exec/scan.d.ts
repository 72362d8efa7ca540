import type { FileSplit, SourceOptions } from '../sources/file-source.js';
import { type ColumnarBatch } from './columnar-batch.js';
/** Reads one split as batches (the schema travels as a DDL string; parsed once per thread). */
export declare function readSplit(format: string, split: FileSplit, schemaDdl: string, columns: string[], options: SourceOptions): Generator<ColumnarBatch>;
/**
 * Reads one split of a partitioned source: the data columns from the file, the partition columns as constants
 * from the split's directory (`partitionValues`), in the order of `columns`.
 */
export declare function readPartitionedSplit(format: string, split: FileSplit & {
    partitionValues?: unknown[];
}, dataSchemaDdl: string, columns: string[], options: SourceOptions, partitionColumns: {
    name: string;
    type: string;
}[]): Generator<ColumnarBatch>;
//# sourceMappingURL=scan.d.ts.map