import { KindlingError } from '@kindling/core';
/** A data source option or file is unusable: `INVALID_OPTION`, `UNSUPPORTED_TYPE`, `INVALID_FILE`, ... */
export declare class SourceError extends KindlingError {
}
/**
 * A record could not be parsed in FAILFAST mode. The message names the file, the line (1-based, counting every
 * line of the file) and the problem: `[MALFORMED_RECORD] data/x.csv line 17: expected 4 fields, found 5`.
 */
export declare class MalformedRecordError extends KindlingError {
    readonly path: string;
    readonly line: number;
    readonly problem: string;
    constructor(path: string, line: number, problem: string);
}
//# sourceMappingURL=errors.d.ts.map