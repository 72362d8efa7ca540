import type { FileFormat } from '../file-source.js';
export { csvOptions, type CsvOptions } from './options.js';
export { readCsvSplit, BATCH_ROWS } from './read.js';
export { CsvEncoder } from './write.js';
/** Spark's CSV data source. */
export declare const csvFormat: FileFormat;
//# sourceMappingURL=index.d.ts.map