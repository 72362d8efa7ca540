import type * as arrow from 'apache-arrow';
import { type DataType } from '../../types/data-types.js';
import type { CsvOptions } from './options.js';
/**
 * Formats record batches as CSV text the way Spark's univocity writer does: a value is quoted when it holds the
 * separator, the quote, a newline or (with the defaults) starts or ends with whitespace that would be trimmed;
 * quotes inside are escaped with `escape`; nulls are `nullValue` (default empty) and empty strings `emptyValue`
 * (default `""`).
 */
export declare class CsvEncoder {
    private readonly fields;
    private readonly o;
    private readonly fmts;
    private readonly sep;
    private readonly quote;
    private readonly needsQuote;
    private readonly quoteRe;
    private readonly escapedQuote;
    constructor(fields: {
        name: string;
        dataType: DataType;
    }[], o: CsvOptions);
    private field;
    header(): string;
    /** The CSV lines of one batch; `columns` are the indexes of the batch columns to write, in order. */
    encode(batch: arrow.RecordBatch, columns: number[]): string;
}
//# sourceMappingURL=write.d.ts.map