import * as arrow from 'apache-arrow';
import type { SourceOptions } from '../file-source.js';
import { StructType, schemaFromArrow } from '../../types/data-types.js';
/**
 * Building blocks of `df.write.mode(...).partitionBy(...).csv|json|parquet|text(path)`:
 *
 *   const job = startWriteJob('csv', path, { mode, partitionBy, options, schema });   // driver
 *   if (job) {                                                                      // null: mode 'ignore' and path exists
 *     try {
 *       for each task: writeTask(job, taskId, batches)                              // workers; job is a plain object
 *       commitWriteJob(job);                                                        // driver
 *     } catch (e) { abortWriteJob(job); throw e; }
 *   }
 *
 * Tasks write `part-<task>-<job uuid>.c000.<ext>` files into a staging directory beside the target (under
 * `col=value/` subdirectories with partitionBy); the commit moves them into place and writes `_SUCCESS`, so a
 * failed job leaves the target as it was. A retried task rewrites the same file names.
 */
export type SaveMode = 'errorifexists' | 'overwrite' | 'append' | 'ignore';
export type WriteFormat = 'csv' | 'json' | 'parquet' | 'text';
export interface WriteJob {
    format: WriteFormat;
    /** Absolute target directory. */
    path: string;
    staging: string;
    jobId: string;
    mode: SaveMode;
    partitionBy: string[];
    options: SourceOptions;
    /** The DataFrame's schema as a type string, for tasks with no batches (header-only or empty Parquet files). */
    schema: string | null;
}
export interface TaskWriteResult {
    /** Files written, relative to the staging directory. */
    files: string[];
    rows: number;
}
export declare function parseSaveMode(mode: string | undefined): SaveMode;
/** Driver side: checks the mode against the target and creates the staging directory. */
export declare function startWriteJob(format: WriteFormat, path: string, opts?: {
    mode?: string;
    partitionBy?: string[];
    options?: SourceOptions;
    schema?: StructType;
}): WriteJob | null;
/** Driver side: moves the staged files into place and marks the directory complete with `_SUCCESS`. */
export declare function commitWriteJob(job: WriteJob): void;
/** Driver side: a failed job removes its staging directory; the target is untouched. */
export declare function abortWriteJob(job: WriteJob): void;
export declare function escapePathName(s: string): string;
export declare function unescapePathName(s: string): string;
export declare const DEFAULT_PARTITION_NAME = "__HIVE_DEFAULT_PARTITION__";
/**
 * Task side: writes one task's batches into the job's staging directory — one file, or one file per partition
 * directory with partitionBy (partition columns are left out of the files). Runs in worker threads: depends only
 * on its arguments.
 */
export declare function writeTask(job: WriteJob, taskId: number, batches: Iterable<arrow.RecordBatch>): TaskWriteResult;
/**
 * A whole write in one call (tasks run inline, one per element of `partitions`): the building block for
 * `df.write` on a local master and for tests. Returns the job, or null when mode 'ignore' skipped it.
 */
export declare function writeBatches(format: WriteFormat, path: string, partitions: Iterable<Iterable<arrow.RecordBatch>>, opts?: {
    mode?: string;
    partitionBy?: string[];
    options?: SourceOptions;
    schema?: StructType;
}): WriteJob | null;
export { schemaFromArrow };
//# sourceMappingURL=index.d.ts.map