import { closeSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as arrow from 'apache-arrow';
import { OutputError } from '@kindling/core';
import { DecimalType, StructField, StructType, schemaFromArrow } from '../../types/data-types.js';
import { parseType } from '../../types/parse-type.js';
import { makeBatch, makeColumnBuilder } from '../columns.js';
import { civilFromDays } from '../datetime.js';
import { SourceError } from '../errors.js';
import { Options } from '../options.js';
import { csvOptions } from '../csv/options.js';
import { CsvEncoder } from '../csv/write.js';
import { jsonOptions } from '../json/index.js';
import { JsonEncoder } from '../json/write.js';
import { parquetExtension, writeParquetFile } from '../parquet/index.js';
import { encodeTextLines } from '../text/index.js';
import { decimalText, javaDouble, readerFor } from '../values.js';
export function parseSaveMode(mode) {
    const m = (mode ?? 'errorifexists').toLowerCase();
    if (m === 'error' || m === 'errorifexists' || m === 'default')
        return 'errorifexists';
    if (m === 'overwrite' || m === 'append' || m === 'ignore')
        return m;
    throw new SourceError('INVALID_OPTION', `Unknown save mode '${mode}'. Accepted save modes are 'overwrite', 'append', 'ignore', 'error', 'errorifexists', 'default'.`);
}
function toPath(p) {
    return p.startsWith('file:') ? fileURLToPath(p) : resolve(p);
}
/** Driver side: checks the mode against the target and creates the staging directory. */
export function startWriteJob(format, path, opts = {}) {
    const mode = parseSaveMode(opts.mode);
    const target = toPath(path);
    const exists = existsSync(target);
    if (exists && mode === 'ignore')
        return null;
    if (exists && mode === 'errorifexists') {
        throw new OutputError('PATH_ALREADY_EXISTS', `Path ${target} already exists. Set mode as "overwrite" to overwrite the existing path, or "append" to add files to it.`);
    }
    if (exists && !statSync(target).isDirectory()) {
        if (mode === 'append')
            throw new OutputError('PATH_ALREADY_EXISTS', `Path ${target} exists and is a file; cannot append to it.`);
    }
    const parent = dirname(target);
    try {
        mkdirSync(parent, { recursive: true });
    }
    catch (e) {
        throw new OutputError('OUTPUT_NOT_WRITABLE', `Cannot create ${parent}: ${e.message}`);
    }
    const jobId = randomUUID();
    const staging = join(parent, `.${basename(target)}.kindling-${jobId}.tmp`);
    mkdirSync(staging);
    const partitionBy = opts.partitionBy ?? [];
    if (opts.schema) {
        for (const c of partitionBy) {
            if (!opts.schema.fieldNames.includes(c)) {
                throw new SourceError('COLUMN_NOT_FOUND', `Partition column '${c}' is not a column of the DataFrame (${opts.schema.fieldNames.join(', ')}).`);
            }
        }
        if (partitionBy.length && partitionBy.length === opts.schema.fields.length) {
            throw new SourceError('INVALID_OPTION', 'Cannot use all columns for partition columns: at least one column must remain in the files.');
        }
    }
    return {
        format,
        path: target,
        staging,
        jobId,
        mode,
        partitionBy,
        options: { ...(opts.options ?? {}) },
        schema: opts.schema ? opts.schema.simpleString() : null,
    };
}
function moveInto(src, dst) {
    mkdirSync(dst, { recursive: true });
    for (const e of readdirSync(src, { withFileTypes: true })) {
        const s = join(src, e.name);
        const d = join(dst, e.name);
        if (e.isDirectory())
            moveInto(s, d);
        else {
            if (existsSync(d))
                rmSync(d, { force: true });
            renameSync(s, d);
        }
    }
}
/** Driver side: moves the staged files into place and marks the directory complete with `_SUCCESS`. */
export function commitWriteJob(job) {
    const { staging, path } = job;
    try {
        writeFileSync(join(staging, '_SUCCESS'), '');
        if (existsSync(path) && job.mode === 'append') {
            moveInto(staging, path);
            rmSync(staging, { recursive: true, force: true });
        }
        else if (existsSync(path)) {
            const trash = `${staging}.old`;
            renameSync(path, trash);
            renameSync(staging, path);
            rmSync(trash, { recursive: true, force: true });
        }
        else {
            renameSync(staging, path);
        }
    }
    catch (e) {
        rmSync(staging, { recursive: true, force: true });
        throw e;
    }
}
/** Driver side: a failed job removes its staging directory; the target is untouched. */
export function abortWriteJob(job) {
    rmSync(job.staging, { recursive: true, force: true });
}
// ---------------------------------------------------------------------------------------------------------------
// Partition directories
/** Spark's ExternalCatalogUtils.escapePathName: these characters become %XX in partition directory names. */
const ESCAPE = new Set(['"', '#', '%', "'", '*', '/', ':', '=', '?', '\\', '\u007f', '{', '[', ']', '^']);
export function escapePathName(s) {
    let out = '';
    for (const ch of s) {
        const c = ch.charCodeAt(0);
        out += (c < 0x20 || ESCAPE.has(ch)) && ch.length === 1 ? `%${c.toString(16).toUpperCase().padStart(2, '0')}` : ch;
    }
    return out;
}
export function unescapePathName(s) {
    return s.replace(/%([0-9A-Fa-f]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
}
export const DEFAULT_PARTITION_NAME = '__HIVE_DEFAULT_PARTITION__';
/** A partition value as Spark casts it to a string for a directory name. */
function partitionText(v, t) {
    if (v === null || v === undefined)
        return DEFAULT_PARTITION_NAME;
    let s;
    if (t instanceof DecimalType)
        s = decimalText(v, t.scale);
    else if (t.typeName === 'double' || t.typeName === 'float')
        s = javaDouble(v);
    else if (t.typeName === 'date') {
        const [y, m, d] = civilFromDays(v);
        s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    }
    else if (t.typeName === 'timestamp') {
        const us = Number(v);
        const days = Math.floor(us / 86_400_000_000);
        const [y, m, d] = civilFromDays(days);
        let rem = us - days * 86_400_000_000;
        const hh = Math.floor(rem / 3.6e9);
        rem -= hh * 3.6e9;
        const mi = Math.floor(rem / 6e7);
        rem -= mi * 6e7;
        const ss = Math.floor(rem / 1e6);
        const frac = rem - ss * 1e6;
        const p2 = (x) => String(x).padStart(2, '0');
        s = `${String(y).padStart(4, '0')}-${p2(m)}-${p2(d)} ${p2(hh)}:${p2(mi)}:${p2(ss)}${frac ? `.${String(frac).padStart(6, '0').replace(/0+$/, '')}` : ''}`;
    }
    else if (v instanceof Uint8Array)
        s = Buffer.from(v).toString('utf8');
    else
        s = String(v);
    return s === '' ? DEFAULT_PARTITION_NAME : escapePathName(s);
}
function extension(job) {
    const o = new Options(job.options);
    const comp = (o.get('compression') ?? o.get('codec') ?? 'none').toLowerCase();
    const gz = comp === 'gzip' ? '.gz' : '';
    if (job.format !== 'parquet' && comp !== 'none' && comp !== 'uncompressed' && comp !== 'gzip') {
        throw new SourceError('INVALID_OPTION', `Compression '${comp}' is not supported for ${job.format}; use none or gzip.`);
    }
    switch (job.format) {
        case 'csv':
            return `.csv${gz}`;
        case 'json':
            return `.json${gz}`;
        case 'text':
            return `.txt${gz}`;
        case 'parquet':
            return parquetExtension(job.options);
    }
}
/** A text file written in pieces (gzip compressed whole at close). */
class TextOut {
    path;
    gzip;
    fd;
    parts = [];
    size = 0;
    constructor(path, gzip) {
        this.path = path;
        this.gzip = gzip;
        this.fd = openSync(path, 'w');
    }
    add(s) {
        if (!s)
            return;
        this.parts.push(s);
        this.size += s.length;
        if (!this.gzip && this.size > 1 << 20)
            this.drain();
    }
    drain() {
        if (this.parts.length)
            writeSync(this.fd, this.parts.join(''));
        this.parts = [];
        this.size = 0;
    }
    close() {
        if (this.gzip)
            writeSync(this.fd, gzipSync(Buffer.from(this.parts.join(''), 'utf8')));
        else
            this.drain();
        closeSync(this.fd);
    }
}
function openWriter(job, path, fields) {
    const o = new Options(job.options);
    const gzip = (o.get('compression') ?? o.get('codec') ?? '').toLowerCase() === 'gzip';
    switch (job.format) {
        case 'csv': {
            const co = csvOptions(job.options, true);
            const enc = new CsvEncoder(fields, co);
            const out = new TextOut(path, gzip);
            if (co.header)
                out.add(enc.header());
            return { write: (b, cols) => out.add(enc.encode(b, cols)), close: () => out.close() };
        }
        case 'json': {
            const jo = jsonOptions(job.options);
            const enc = new JsonEncoder(fields, jo);
            const out = new TextOut(path, gzip);
            return { write: (b, cols) => out.add(enc.encode(b, cols)), close: () => out.close() };
        }
        case 'text': {
            if (fields.length !== 1 || fields[0].dataType.typeName !== 'string') {
                throw new SourceError('UNSUPPORTED_TYPE', `The text writer needs exactly one string column, got ${fields.length} (${fields.map((f) => `${f.name}: ${f.dataType.simpleString()}`).join(', ')}).`);
            }
            const out = new TextOut(path, gzip);
            const sep = o.string('lineSep', '\n');
            return { write: (b, cols) => out.add(encodeTextLines(b, cols[0], sep)), close: () => out.close() };
        }
        case 'parquet': {
            const batches = [];
            const schema = new StructType(fields);
            return {
                write: (b, cols) => {
                    if (b.numRows)
                        batches.push(makeBatch(fields, cols.map((c) => b.data.children[c]), b.numRows));
                },
                close: () => writeParquetFile(path, schema, batches, job.options),
            };
        }
    }
}
/** The rows `rows` of the columns `cols` of a batch, as a new batch. */
function takeRows(batch, fields, cols, rows) {
    const datas = cols.map((c, j) => {
        const read = readerFor(batch.data.children[c]);
        const b = makeColumnBuilder(fields[j].dataType);
        for (const r of rows)
            b.append(read(r));
        return b.finish();
    });
    return makeBatch(fields, datas, rows.length);
}
/**
 * Task side: writes one task's batches into the job's staging directory — one file, or one file per partition
 * directory with partitionBy (partition columns are left out of the files). Runs in worker threads: depends only
 * on its arguments.
 */
export function writeTask(job, taskId, batches) {
    const name = `part-${String(taskId).padStart(5, '0')}-${job.jobId}.c000${extension(job)}`;
    const writers = new Map();
    const files = [];
    let rows = 0;
    let schema = job.schema ? parseType(job.schema) : null;
    let dataCols = [];
    let partCols = [];
    let dataFields = [];
    const setup = (s) => {
        schema = s;
        partCols = job.partitionBy.map((p) => {
            const i = s.fieldNames.indexOf(p);
            if (i < 0)
                throw new SourceError('COLUMN_NOT_FOUND', `Partition column '${p}' is not a column of the data (${s.fieldNames.join(', ')}).`);
            return i;
        });
        dataCols = s.fields.map((_, i) => i).filter((i) => !partCols.includes(i));
        dataFields = dataCols.map((i) => s.fields[i]);
    };
    if (schema)
        setup(schema);
    const writerFor = (dir) => {
        let w = writers.get(dir);
        if (!w) {
            const abs = join(job.staging, dir);
            mkdirSync(abs, { recursive: true });
            const file = join(abs, name);
            w = openWriter(job, file, dataFields);
            writers.set(dir, w);
            files.push(relative(job.staging, file));
        }
        return w;
    };
    try {
        for (const batch of batches) {
            const s = schemaFromArrow(batch.schema);
            if (!schema || s.fields.length !== schema.fields.length)
                setup(s);
            else if (dataFields.some((f, j) => !f.dataType.equals(s.fields[dataCols[j]].dataType)))
                setup(s);
            rows += batch.numRows;
            if (!partCols.length) {
                writerFor('').write(batch, dataCols);
                continue;
            }
            if (!batch.numRows)
                continue;
            const readers = partCols.map((c) => readerFor(batch.data.children[c]));
            const types = partCols.map((c) => schema.fields[c].dataType);
            const groups = new Map();
            for (let i = 0; i < batch.numRows; i++) {
                const dir = partCols.map((c, k) => `${schema.fields[c].name}=${partitionText(readers[k](i), types[k])}`).join('/');
                let g = groups.get(dir);
                if (!g)
                    groups.set(dir, (g = []));
                g.push(i);
            }
            for (const [dir, idx] of groups) {
                if (groups.size === 1)
                    writerFor(dir).write(batch, dataCols);
                else
                    writerFor(dir).write(takeRows(batch, dataFields, dataCols, idx), dataFields.map((_, j) => j));
            }
        }
        // Without partitionBy every task leaves a file, empty or not (CSV header, Parquet schema), as Spark does.
        if (!partCols.length && writers.size === 0 && schema)
            writerFor('');
    }
    finally {
        for (const w of writers.values())
            w.close();
    }
    return { files, rows };
}
/**
 * A whole write in one call (tasks run inline, one per element of `partitions`): the building block for
 * `df.write` on a local master and for tests. Returns the job, or null when mode 'ignore' skipped it.
 */
export function writeBatches(format, path, partitions, opts = {}) {
    const job = startWriteJob(format, path, opts);
    if (!job)
        return null;
    try {
        let task = 0;
        for (const batches of partitions)
            writeTask(job, task++, batches);
        commitWriteJob(job);
    }
    catch (e) {
        abortWriteJob(job);
        throw e;
    }
    return job;
}
export { schemaFromArrow };
//# sourceMappingURL=index.js.map