import { listInputFiles } from '@kindling/core';
import { fileFormat } from '../sources/index.js';
import { parseSchema } from '../types/parse-type.js';
import { DataFrame } from './dataframe.js';
import { discoverPartitions, withPartitionColumns } from '../sources/partition-discovery.js';
/** session.read: Spark's DataFrameReader. Options are case-insensitive; values are kept as strings. */
export class DataFrameReader {
    session;
    fmt = 'parquet';
    opts = {};
    userSchema = null;
    constructor(session) {
        this.session = session;
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
    schema(schema) {
        this.userSchema = typeof schema === 'string' ? parseSchema(schema) : schema;
        return this;
    }
    /** Paths may be files, directories, globs, or several (an array or a comma-separated string). */
    load(path) {
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
    csv(path) {
        return this.format('csv').load(path);
    }
    json(path) {
        return this.format('json').load(path);
    }
    parquet(path) {
        return this.format('parquet').load(path);
    }
    text(path) {
        return this.format('text').load(path);
    }
}
//# sourceMappingURL=reader.js.map