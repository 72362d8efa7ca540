import type { DataFrame } from './dataframe.js';
/**
 * df.write: Spark's DataFrameWriter. Each task writes its part files into a staging directory; the job renames it
 * into place with _SUCCESS only when every task succeeded, so a failed write leaves the target as it was.
 */
export declare class DataFrameWriter {
    private readonly df;
    private saveMode;
    private fmt;
    private partitionCols;
    private readonly opts;
    constructor(df: DataFrame);
    /** 'error' / 'errorifexists' (default), 'overwrite', 'append', 'ignore'. */
    mode(mode: string): this;
    format(name: string): this;
    option(key: string, value: string | number | boolean): this;
    options(opts: Record<string, string | number | boolean>): this;
    /** Writes col=value/ directories per distinct value of these columns (dropped from the files). */
    partitionBy(...cols: string[]): this;
    save(path: string): Promise<void>;
    csv(path: string): Promise<void>;
    json(path: string): Promise<void>;
    parquet(path: string): Promise<void>;
    text(path: string): Promise<void>;
}
//# sourceMappingURL=writer.d.ts.map