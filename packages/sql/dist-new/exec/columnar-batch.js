import * as arrow from 'apache-arrow';
import { hasArrowForm, vecFromArrow, vecToArrow } from '../eval/arrow-convert.js';
import { decodeBatches, encodeBatch } from './batch-codec.js';
/**
 * Columns computed on first access: a batch read from Arrow converts (and decodes strings of) only the columns
 * an operator touches, so a query over a cached wide table pays for the columns it uses.
 */
export function lazyColumns(n, make) {
    const cols = new Array(n);
    for (let i = 0; i < n; i++) {
        Object.defineProperty(cols, i, {
            configurable: true,
            enumerable: true,
            get() {
                const v = make(i);
                Object.defineProperty(cols, i, { value: v, writable: true, enumerable: true, configurable: true });
                return v;
            },
        });
    }
    return cols;
}
// Arrow JS's RecordBatch mangles a schema whose fields share a name, so inside batches a repeated name carries a
// "\\u0001n" suffix (plans refer to columns by position; names matter only for display and output).
const DUP = /\u0001\d+$/;
function uniqueNames(names) {
    const seen = new Map();
    return names.map((n) => {
        const k = seen.get(n) ?? 0;
        seen.set(n, k + 1);
        return k === 0 ? n : `${n}\u0001${k}`;
    });
}
export function fromRecordBatch(rb) {
    const vectors = rb.schema.fields.map((_, i) => rb.getChildAt(i));
    return {
        names: rb.schema.fields.map((f) => f.name.replace(DUP, '')),
        columns: lazyColumns(vectors.length, (i) => vecFromArrow(vectors[i])),
        length: rb.numRows,
        arrow: vectors.map((v) => (v.data.length === 1 ? v.data[0] : undefined)),
    };
}
/** An Arrow record batch (duplicate column names, which Spark allows after joins, get a \\u0001n suffix). */
export function toRecordBatch(b) {
    const vectors = distinctBuffers(b.columns).map((c) => vecToArrow(c));
    const names = uniqueNames(b.names);
    const fields = vectors.map((v, i) => new arrow.Field(names[i], v.type, true));
    const struct = new arrow.Struct(fields);
    const data = arrow.makeData({ type: struct, length: b.length, nullCount: 0, children: vectors.map((v) => v.data[0]) });
    return new arrow.RecordBatch(new arrow.Schema(fields), data);
}
/**
 * The columns with a repeated value array copied: Arrow's IPC writer mis-sizes the body of a batch that holds the
 * same typed-array view twice (select(a, a AS b), a grouping key copy), and the reader then fails on it.
 */
function distinctBuffers(columns) {
    const seen = new Set();
    return columns.map((c) => {
        if (hasArrowForm(c))
            return c;
        if (!seen.has(c.values)) {
            seen.add(c.values);
            return c;
        }
        const values = c.values.slice(0, c.length);
        return { type: c.type, length: c.length, values, nulls: c.nulls ? c.nulls.slice(0, c.length) : null };
    });
}
export function decode(bytes) {
    return decodeBatches(bytes).map(fromRecordBatch);
}
export function encode(b) {
    return encodeBatch(toRecordBatch(b));
}
//# sourceMappingURL=columnar-batch.js.map