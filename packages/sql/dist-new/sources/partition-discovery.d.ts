import { StructType } from '../types/data-types.js';
import type { SourceOptions } from './file-source.js';
/**
 * Partition discovery, as Spark's file index: files under `col=value/` directories (what
 * `df.write.partitionBy(...)` writes) get those columns, typed by inference (int, bigint, decimal(p, 0) beyond
 * bigint, double, date, timestamp, else string; `__HIVE_DEFAULT_PARTITION__` is NULL), appended after the data columns.
 */
/** A data file and its partition values (in the engine's slot form: numbers, bigints, day numbers, strings). */
export interface PartitionedFile {
    path: string;
    size: number;
    values: unknown[];
}
export interface PartitionSpec {
    columns: {
        name: string;
        type: string;
    }[];
    files: PartitionedFile[];
}
/**
 * Finds the partition columns of the files `paths` names (comma-separated files, directories or globs), or null
 * when there are none. `basePath` (option) is where partition directories start: reading `out/year=2024` alone
 * gives no year column unless basePath is `out`. Typed by inference unless `inferTypes` is false (all strings);
 * `userSchema` fields of the same names give the types instead.
 */
export declare function discoverPartitions(paths: string, options: SourceOptions, inferTypes: boolean, userSchema: StructType | null): PartitionSpec | null;
/** The data schema followed by the partition columns (a data column of a partition column's name gives way). */
export declare function withPartitionColumns(dataSchema: StructType, spec: PartitionSpec): StructType;
//# sourceMappingURL=partition-discovery.d.ts.map