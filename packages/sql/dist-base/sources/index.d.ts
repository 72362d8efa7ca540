import type { FileFormat } from './file-source.js';
export type { FileFormat, FileSplit, SourceOptions } from './file-source.js';
export { csvFormat } from './csv/index.js';
export { jsonFormat } from './json/index.js';
export { parquetFormat } from './parquet/index.js';
export { textFormat, TEXT_SCHEMA } from './text/index.js';
export { SourceError, MalformedRecordError } from './errors.js';
export { startWriteJob, writeTask, commitWriteJob, abortWriteJob, writeBatches, parseSaveMode, escapePathName, unescapePathName, DEFAULT_PARTITION_NAME, type SaveMode, type WriteFormat, type WriteJob, type TaskWriteResult, } from './write/index.js';
/** The built-in file formats by Spark's short names. */
export declare const fileFormats: Readonly<Record<string, FileFormat>>;
/** The file format named as in `spark.read.format(name)` (case-insensitive). */
export declare function fileFormat(name: string): FileFormat;
//# sourceMappingURL=index.d.ts.map