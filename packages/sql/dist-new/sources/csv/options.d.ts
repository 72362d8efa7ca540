import type { SourceOptions } from '../file-source.js';
import { type ParseMode } from '../options.js';
import { DateTimeOptions } from '../datetime.js';
/** The CSV options of Spark's DataFrameReader/Writer, resolved once per read or write. */
export interface CsvOptions {
    header: boolean;
    inferSchema: boolean;
    /** Separator, quote, escape and comment as single bytes; quote/comment -1 when off. */
    sep: number;
    quote: number;
    escape: number;
    comment: number;
    sepChar: string;
    quoteChar: string;
    escapeChar: string;
    nullValue: string;
    nullBytes: Uint8Array;
    emptyValue: string;
    nanValue: string;
    positiveInf: string;
    negativeInf: string;
    dateTime: DateTimeOptions;
    multiLine: boolean;
    mode: ParseMode;
    corruptColumn: string;
    samplingRatio: number;
    ignoreLeadingWhiteSpace: boolean;
    ignoreTrailingWhiteSpace: boolean;
    quoteAll: boolean;
    escapeQuotes: boolean;
    lineSep: string;
    compression: string;
}
export declare function csvOptions(options: SourceOptions | undefined, forWrite?: boolean): CsvOptions;
//# sourceMappingURL=options.d.ts.map