import { listInputFiles } from '@kindling/core';
import { fileFormat } from '../sources/index.js';
import type { SourceOptions } from '../sources/file-source.js';
import type { StructType } from '../types/data-types.js';
import { parseSchema } from '../types/parse-type.js';
import { DataFrame } from './dataframe.js';
import { discoverPartitions, withPartitionColumns } from '../sources/partition-discovery.js';
import type { Session } from './session.js';

/** session.read: Spark's DataFrameReader. Options are case-insensitive; values are kept as strings. */
export class DataFrameReader {
  private fmt = 'parquet';
  private readonly opts: SourceOptions = {};
  private userSchema: StructType | null = null;

  constructor(private readonly session: Session) {}

  format(name: string): this {
    this.fmt = name.toLowerCase();
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
  schema(schema: StructType | string): this {
    this.userSchema = typeof schema === 'string' ? parseSchema(schema) : schema;
    return this;
  }

  /** Paths may be files, directories, globs, or several (an array or a comma-separated string). */
  load(path: string | string[]): DataFrame {
    const paths = Array.isArray(path) ? path.join(',') : path;
    const format = fileFormat(this.fmt);
    const inferTypes = (this.session.conf.get('spark.sql.sources.partitionColumnTypeInference.enabled') ?? 'true').toLowerCase() !== 'false';
    const partitions = this.opts['recursivefilelookup'] === 'true' ? null : discoverPartitions(paths, this.opts, inferTypes, this.userSchema);
    if (partitions) {
      const dataSchema = this.userSchema ?? format.inferSchema(partitions.files, this.opts);
      const schema = withPartitionColumns(dataSchema, partitions);
      return new DataFrame(this.session, { kind: 'fileScan', format: this.fmt, paths, options: { ...this.opts }, schema, partitions });
    }
    const schema = this.userSchema ?? format.inferSchema(listInputFiles(paths), this.opts);
    return new DataFrame(this.session, { kind: 'fileScan', format: this.fmt, paths, options: { ...this.opts }, schema });
  }

  csv(path: string | string[]): DataFrame {
    return this.format('csv').load(path);
  }
  json(path: string | string[]): DataFrame {
    return this.format('json').load(path);
  }
  parquet(path: string | string[]): DataFrame {
    return this.format('parquet').load(path);
  }
  text(path: string | string[]): DataFrame {
    return this.format('text').load(path);
  }
}
