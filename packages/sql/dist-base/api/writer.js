import { abortWriteJob, commitWriteJob, startWriteJob } from '../sources/index.js';
import { op } from '../exec/planner.js';
/**
 * df.write: Spark's DataFrameWriter. Each task writes its part files into a staging directory; the job renames it
 * into place with _SUCCESS only when every task succeeded, so a failed write leaves the target as it was.
 */
export class DataFrameWriter {
    df;
    saveMode = 'errorifexists';
    fmt = 'parquet';
    partitionCols = [];
    opts = {};
    constructor(df) {
        this.df = df;
    }
    /** 'error' / 'errorifexists' (default), 'overwrite', 'append', 'ignore'. */
    mode(mode) {
        this.saveMode = mode.toLowerCase() === 'error' ? 'errorifexists' : mode.toLowerCase();
        return this;
    }
    format(name) {
        this.fmt = name.toLowerCase();
        return this;
    }
    option(key, value) {
        this.opts[key.toLowerCase()] = String(value);
        return this;
    }
    options(opts) {
        for (const [k, v] of Object.entries(opts))
            this.option(k, v);
        return this;
    }
    /** Writes col=value/ directories per distinct value of these columns (dropped from the files). */
    partitionBy(...cols) {
        this.partitionCols = cols.flat();
        return this;
    }
    async save(path) {
        const job = startWriteJob(this.fmt, path, { mode: this.saveMode, partitionBy: this.partitionCols, options: this.opts, schema: this.df.schema });
        if (!job)
            return; // mode 'ignore' and the path exists
        try {
            const rdd = await this.df.batchRdd();
            const write = await op('writePartition');
            const spec = { job };
            await rdd.mapPartitionsWithIndex((i, it) => write(spec, i, it)).collect();
            commitWriteJob(job);
        }
        catch (e) {
            abortWriteJob(job);
            throw e;
        }
    }
    csv(path) {
        return this.format('csv').save(path);
    }
    json(path) {
        return this.format('json').save(path);
    }
    parquet(path) {
        return this.format('parquet').save(path);
    }
    text(path) {
        return this.format('text').save(path);
    }
}
//# sourceMappingURL=writer.js.map