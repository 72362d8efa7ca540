import { abortWriteJob, commitWriteJob, startWriteJob, type WriteFormat } from '../sources/index.js';
import type { SourceOptions } from '../sources/file-source.js';
import { op } from '../exec/planner.js';
import type { DataFrame } from './dataframe.js';

/**
 * df.write: Spark's DataFrameWriter. Each task writes its part files into a staging directory; the job renames it
 * into place with _SUCCESS only when every task succeeded, so a failed write leaves the target as it was.
 */
export class DataFrameWriter {
  private saveMode = 'errorifexists';
  private fmt: WriteFormat = 'parquet';
  private partitionCols: string[] = [];
  private readonly opts: SourceOptions = {};

  constructor(private readonly df: DataFrame) {}

  /** 'error' / 'errorifexists' (default), 'overwrite', 'append', 'ignore'. */
  mode(mode: string): this {
    this.saveMode = mode.toLowerCase() === 'error' ? 'errorifexists' : mode.toLowerCase();
    return this;
  }
  format(name: string): this {
    this.fmt = name.toLowerCase() as WriteFormat;
    return this;
  }
  option(key: string, value: string | number | boolean): this {
    this.opts[key.toLowerCase()] = String(value);
    return this;
  }
  options(opts: Record<string, string | number | boolean>): this {
    for (const [k, v] of Object.entries(opts)) this.option(k, v);
    return this;
  }
  /** Writes col=value/ directories per distinct value of these columns (dropped from the files). */
  partitionBy(...cols: string[]): this {
    this.partitionCols = cols.flat();
    return this;
  }

  async save(path: string): Promise<void> {
    const job = startWriteJob(this.fmt, path, { mode: this.saveMode, partitionBy: this.partitionCols, options: this.opts, schema: this.df.schema });
    if (!job) return; // mode 'ignore' and the path exists
    try {
      const rdd = await this.df.batchRdd();
      const write = await op('writePartition');
      const spec = { job };
      await rdd.mapPartitionsWithIndex((i, it) => (write as any)(spec, i, it)).collect();
      commitWriteJob(job);
    } catch (e) {
      abortWriteJob(job);
      throw e;
    }
  }

  csv(path: string): Promise<void> {
    return this.format('csv').save(path);
  }
  json(path: string): Promise<void> {
    return this.format('json').save(path);
  }
  parquet(path: string): Promise<void> {
    return this.format('parquet').save(path);
  }
  text(path: string): Promise<void> {
    return this.format('text').save(path);
  }
}
