import type { SourceOptions } from './file-source.js';
/** Spark's data source options: keys case-insensitive, values strings (booleans as "true"/"false"). */
export declare class Options {
    private readonly map;
    constructor(options: SourceOptions | undefined);
    has(key: string): boolean;
    get(key: string): string | undefined;
    string(key: string, dflt: string): string;
    bool(key: string, dflt: boolean): boolean;
    number(key: string, dflt: number): number;
    /**
     * A single-character option (sep, quote, escape, comment). Spark accepts "\t" and "\\u0000"-style escapes;
     * an empty quote turns quoting off (returns '').
     */
    char(key: string, dflt: string, allowEmpty?: boolean): string;
}
/** Spark's parse modes for malformed records. */
export type ParseMode = 'PERMISSIVE' | 'DROPMALFORMED' | 'FAILFAST';
export declare function parseMode(o: Options): ParseMode;
//# sourceMappingURL=options.d.ts.map