import * as arrow from 'apache-arrow';
/** Dictionary-encodes the UTF-8 columns of a batch with at most half as many distinct values as rows. */
export declare function dictionaryEncode(rb: arrow.RecordBatch): arrow.RecordBatch;
/** The batch with dictionary columns decoded back to plain ones (for writers and toArrow()). */
export declare function plainBatch(rb: arrow.RecordBatch): arrow.RecordBatch;
//# sourceMappingURL=dictionary-encode.d.ts.map