import { ArrayType, DecimalType, MapType, StructType } from '../../types/data-types.js';
import { decimalText, javaDouble, javaFloat, readerFor } from '../values.js';
function encoder(t, o) {
    if (t instanceof DecimalType)
        return (v) => decimalText(v, t.scale);
    if (t instanceof ArrayType) {
        const el = encoder(t.elementType, o);
        return (v) => `[${v.map((x) => (x === null || x === undefined ? 'null' : el(x))).join(',')}]`;
    }
    if (t instanceof StructType) {
        const encs = t.fields.map((f) => encoder(f.dataType, o));
        const keys = t.fields.map((f) => JSON.stringify(f.name));
        return (v) => {
            const obj = v;
            const parts = [];
            t.fields.forEach((f, i) => {
                const x = obj[f.name];
                if (x === null || x === undefined) {
                    if (!o.ignoreNullFields)
                        parts.push(`${keys[i]}:null`);
                }
                else
                    parts.push(`${keys[i]}:${encs[i](x)}`);
            });
            return `{${parts.join(',')}}`;
        };
    }
    if (t instanceof MapType) {
        const kf = t.keyType.typeName === 'string' ? (k) => String(k) : (k) => encoder(t.keyType, o)(k);
        const vf = encoder(t.valueType, o);
        return (v) => `{${v
            .map(([k, x]) => `${JSON.stringify(kf(k))}:${x === null || x === undefined ? 'null' : vf(x)}`)
            .join(',')}}`;
    }
    switch (t.typeName) {
        case 'string':
            return (v) => JSON.stringify(v);
        case 'double':
        case 'float': {
            const f = t.typeName === 'float' ? javaFloat : javaDouble;
            return (v) => (Number.isFinite(v) ? f(v) : `"${f(v)}"`);
        }
        case 'boolean':
            return (v) => (v ? 'true' : 'false');
        case 'date':
            return (v) => JSON.stringify(o.dateTime.writeDate.formatDate(v));
        case 'timestamp':
            return (v) => JSON.stringify(o.dateTime.writeTimestamp.formatTimestamp(v));
        case 'binary':
            return (v) => JSON.stringify(Buffer.from(v).toString('base64'));
        default:
            return (v) => String(v);
    }
}
/** Formats record batches as JSON Lines the way Spark's JSON writer does (null fields left out by default). */
export class JsonEncoder {
    o;
    encs;
    keys;
    constructor(fields, o) {
        this.o = o;
        this.encs = fields.map((f) => encoder(f.dataType, o));
        this.keys = fields.map((f) => JSON.stringify(f.name));
    }
    encode(batch, columns) {
        const readers = columns.map((c) => readerFor(batch.data.children[c]));
        const lines = new Array(batch.numRows);
        for (let i = 0; i < batch.numRows; i++) {
            const parts = [];
            for (let j = 0; j < readers.length; j++) {
                const v = readers[j](i);
                if (v === null || v === undefined) {
                    if (!this.o.ignoreNullFields)
                        parts.push(`${this.keys[j]}:null`);
                }
                else
                    parts.push(`${this.keys[j]}:${this.encs[j](v)}`);
            }
            lines[i] = `{${parts.join(',')}}`;
        }
        return lines.length ? lines.join(this.o.lineSep) + this.o.lineSep : '';
    }
}
//# sourceMappingURL=write.js.map