import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listInputFiles } from '@kindling/core';
import { castSlot } from '../eval/cast.js';
import { DataType, DateType, DecimalType, DoubleType, IntegerType, LongType, NullType, StringType, StructField, StructType, TimestampType } from '../types/data-types.js';
import { parseType } from '../types/parse-type.js';
import { SourceError } from './errors.js';
import { DEFAULT_PARTITION_NAME, unescapePathName } from './write/index.js';
const hidden = (name) => name.startsWith('_') || name.startsWith('.');
const isGlob = (p) => /[*?[\]{}]/.test(p);
const toPath = (p) => (p.startsWith('file:') ? fileURLToPath(p) : resolve(p));
/** Data files under a directory: its files, and recursively those of its `col=value` subdirectories. */
function walk(dir, out) {
    for (const d of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        if (hidden(d.name))
            continue;
        const p = join(dir, d.name);
        if (d.isFile())
            out.push({ path: p, size: statSync(p).size });
        else if (d.isDirectory() && d.name.includes('='))
            walk(p, out);
    }
}
/** The `col=value` pairs of the directories between `root` and the file, nearest to the root first. */
function parsePath(file, root) {
    const rel = relative(root, dirname(file));
    if (rel === '')
        return [];
    const segs = rel.split(sep);
    const pairs = [];
    // From the file upwards, as Spark: the partition directories are the ones right above the file.
    for (let i = segs.length - 1; i >= 0; i--) {
        const s = segs[i];
        const eq = s.indexOf('=');
        if (eq <= 0)
            break;
        pairs.unshift([unescapePathName(s.slice(0, eq)), unescapePathName(s.slice(eq + 1))]);
    }
    return pairs;
}
/** The directory a glob's static prefix names: the partition columns are read below it. */
function globRoot(pattern) {
    const parts = pattern.split(/[\\/]/);
    const i = parts.findIndex(isGlob);
    return parts.slice(0, i < 0 ? parts.length - 1 : i).join('/') || '/';
}
/** Spark's inferPartitionColumnValue: the narrowest of int, bigint, double, date, timestamp, else string. */
function inferValueType(raw) {
    if (raw === null)
        return NullType;
    if (/^[+-]?\d+$/.test(raw)) {
        const n = BigInt(raw);
        if (n >= -(2n ** 31n) && n < 2n ** 31n)
            return IntegerType;
        if (n >= -(2n ** 63n) && n < 2n ** 63n)
            return LongType;
        const digits = raw.replace(/^[+-]?0*/, '').length;
        return digits <= 38 ? new DecimalType(Math.max(1, digits), 0) : StringType;
    }
    if (/^[+-]?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?$/.test(raw) && Number.isFinite(Number(raw)))
        return DoubleType;
    if (/^\d{4}-\d{2}-\d{2}$/.test(raw) && castSlot(raw, StringType, DateType, false) !== null)
        return DateType;
    if (/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,9})?$/.test(raw) && castSlot(raw, StringType, TimestampType, false) !== null)
        return TimestampType;
    return StringType;
}
const NUMERIC_ORDER = [IntegerType, LongType, DoubleType];
/** The common type of a column's values (Spark's findWiderTypeForPartitionColumn: incompatible types give string). */
function widen(a, b) {
    if (a === b || b === NullType)
        return a;
    if (a === NullType)
        return b;
    if (a instanceof DecimalType || b instanceof DecimalType) {
        // Integers beyond bigint are decimal(p, 0); with int or bigint the digits of those count too, with double: double.
        const digits = (t) => (t instanceof DecimalType ? t.precision : t === IntegerType ? 10 : t === LongType ? 20 : -1);
        const da = digits(a);
        const db = digits(b);
        if (a === DoubleType || b === DoubleType)
            return DoubleType;
        return da > 0 && db > 0 ? new DecimalType(Math.min(38, Math.max(da, db)), 0) : StringType;
    }
    const ia = NUMERIC_ORDER.indexOf(a);
    const ib = NUMERIC_ORDER.indexOf(b);
    if (ia >= 0 && ib >= 0)
        return NUMERIC_ORDER[Math.max(ia, ib)];
    if ((a === DateType && b === TimestampType) || (a === TimestampType && b === DateType))
        return TimestampType;
    return StringType;
}
/**
 * Finds the partition columns of the files `paths` names (comma-separated files, directories or globs), or null
 * when there are none. `basePath` (option) is where partition directories start: reading `out/year=2024` alone
 * gives no year column unless basePath is `out`. Typed by inference unless `inferTypes` is false (all strings);
 * `userSchema` fields of the same names give the types instead.
 */
export function discoverPartitions(paths, options, inferTypes, userSchema) {
    const base = options['basepath'] !== undefined ? toPath(options['basepath']) : null;
    const found = [];
    for (const entry of paths.split(',').map((s) => s.trim()).filter(Boolean)) {
        const p = toPath(entry);
        let files;
        let root;
        if (isGlob(entry)) {
            files = listInputFiles(entry);
            root = base ?? toPath(globRoot(entry));
        }
        else {
            let st;
            try {
                st = statSync(p);
            }
            catch {
                return null; // the plain listing reports the missing path
            }
            if (st.isDirectory()) {
                files = [];
                walk(p, files);
                root = base ?? p;
            }
            else {
                files = [{ path: p, size: st.size }];
                root = base ?? dirname(p);
            }
        }
        if (base && relative(base, p).startsWith('..')) {
            throw new SourceError('INVALID_OPTION', `Wrong basePath ${base} for the root path: ${p}. basePath must be a directory above every path read.`);
        }
        for (const f of files)
            found.push({ ...f, pairs: parsePath(f.path, root) });
    }
    if (!found.some((f) => f.pairs.length > 0))
        return null;
    const names = found[0].pairs.map(([k]) => k);
    for (const f of found) {
        const these = f.pairs.map(([k]) => k);
        if (these.length !== names.length || these.some((k, i) => k.toLowerCase() !== names[i].toLowerCase())) {
            throw new SourceError('CONFLICTING_DIRECTORY_STRUCTURES', `Conflicting directory structures detected: ${f.path} has partition columns (${these.join(', ')}) but ${found[0].path} has (${names.join(', ')}). ` +
                `Every data file must sit under the same col=value/ directories; set the basePath option if the paths read start inside them.`);
        }
    }
    const raw = (v) => (v === DEFAULT_PARTITION_NAME ? null : v);
    const types = names.map((n, c) => {
        const given = userSchema?.fields.find((fl) => fl.name.toLowerCase() === n.toLowerCase());
        if (given)
            return given.dataType;
        if (!inferTypes)
            return StringType;
        const t = found.reduce((acc, f) => widen(acc, inferValueType(raw(f.pairs[c][1]))), NullType);
        return t === NullType ? StringType : t;
    });
    const files = found.map((f) => ({
        path: f.path,
        size: f.size,
        values: f.pairs.map(([, v], c) => {
            const r = raw(v);
            return r === null ? null : castSlot(r, StringType, types[c], true);
        }),
    }));
    return { columns: names.map((name, i) => ({ name, type: types[i].simpleString() })), files };
}
/** The data schema followed by the partition columns (a data column of a partition column's name gives way). */
export function withPartitionColumns(dataSchema, spec) {
    const names = new Set(spec.columns.map((c) => c.name.toLowerCase()));
    return new StructType([
        ...dataSchema.fields.filter((f) => !names.has(f.name.toLowerCase())),
        ...spec.columns.map((c) => new StructField(c.name, parseType(c.type), true)),
    ]);
}
//# sourceMappingURL=partition-discovery.js.map