import type { FileFormat, SourceOptions } from '../file-source.js';
import { DateTimeOptions } from '../datetime.js';
import { type ParseMode } from '../options.js';
export { JsonEncoder, type JsonWriteOptions } from './write.js';
export { JsonReader, mergeTypes } from './parser.js';
export interface JsonOptions {
    multiLine: boolean;
    mode: ParseMode;
    corruptColumn: string;
    samplingRatio: number;
    primitivesAsString: boolean;
    dateTime: DateTimeOptions;
    ignoreNullFields: boolean;
    lineSep: string;
    compression: string;
}
export declare function jsonOptions(options: SourceOptions | undefined): JsonOptions;
/** Spark's JSON data source: JSON Lines by default (splittable), whole-file documents with multiLine. */
export declare const jsonFormat: FileFormat;
//# sourceMappingURL=index.d.ts.map