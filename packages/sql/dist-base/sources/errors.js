import { KindlingError } from '@kindling/core';
/** A data source option or file is unusable: `INVALID_OPTION`, `UNSUPPORTED_TYPE`, `INVALID_FILE`, ... */
export class SourceError extends KindlingError {
}
/**
 * A record could not be parsed in FAILFAST mode. The message names the file, the line (1-based, counting every
 * line of the file) and the problem: `[MALFORMED_RECORD] data/x.csv line 17: expected 4 fields, found 5`.
 */
export class MalformedRecordError extends KindlingError {
    path;
    line;
    problem;
    constructor(path, line, problem) {
        super('MALFORMED_RECORD', `${path} line ${line}: ${problem}. Malformed records fail the job in FAILFAST mode; use mode PERMISSIVE ` +
            `(the default) to read them as nulls, or DROPMALFORMED to skip them.`);
        this.path = path;
        this.line = line;
        this.problem = problem;
    }
}
//# sourceMappingURL=errors.js.map