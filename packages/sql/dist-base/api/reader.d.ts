import type { StructType } from '../types/data-types.js';
import { DataFrame } from './dataframe.js';
import type { Session } from './session.js';
/** session.read: Spark's DataFrameReader. Options are case-insensitive; values are kept as strings. */
export declare class DataFrameReader {
    private readonly session;
    private fmt;
    private readonly opts;
    private userSchema;
    constructor(session: Session);
    format(name: string): this;
    option(key: string, value: string | number | boolean): this;
    options(opts: Record<string, string | number | boolean>): this;
    schema(schema: StructType | string): this;
    /** Paths may be files, directories, globs, or several (an array or a comma-separated string). */
    load(path: string | string[]): DataFrame;
    csv(path: string | string[]): DataFrame;
    json(path: string | string[]): DataFrame;
    parquet(path: string | string[]): DataFrame;
    text(path: string | string[]): DataFrame;
}
//# sourceMappingURL=reader.d.ts.map