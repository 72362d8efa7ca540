import * as arrow from 'apache-arrow';
const MS_PER_DAY = 86_400_000;
function validity(data) {
    if (!data.nullCount || !data.nullBitmap)
        return data.type.typeId === arrow.Type.Null ? () => false : null;
    const bits = data.nullBitmap;
    const off = data.offset;
    return (i) => ((bits[(off + i) >> 3] >> ((off + i) & 7)) & 1) === 1;
}
export function readerFor(data) {
    const base = rawReader(data);
    const valid = validity(data);
    if (!valid)
        return base;
    return (i) => (valid(i) ? base(i) : null);
}
function rawReader(data) {
    const t = data.type;
    const off = data.offset;
    const values = data.values;
    switch (t.typeId) {
        case arrow.Type.Null:
            return () => null;
        case arrow.Type.Bool: {
            const bits = data.values;
            return (i) => ((bits[(off + i) >> 3] >> ((off + i) & 7)) & 1) === 1;
        }
        case arrow.Type.Int: {
            const it = t;
            if (it.bitWidth === 64) {
                const v = values;
                return (i) => BigInt(v[off + i]);
            }
            return (i) => values[off + i];
        }
        case arrow.Type.Float: {
            if (t.precision === arrow.Precision.HALF) {
                const vec = arrow.makeVector(data);
                return (i) => vec.get(i);
            }
            return (i) => values[off + i];
        }
        case arrow.Type.Decimal: {
            const words = values;
            const n = t.bitWidth / 32;
            return (i) => {
                let x = 0n;
                for (let k = n - 1; k >= 0; k--)
                    x = (x << 32n) | BigInt(words[(off + i) * n + k]);
                return BigInt.asIntN(n * 32, x);
            };
        }
        case arrow.Type.Date: {
            if (t.unit === arrow.DateUnit.DAY)
                return (i) => values[off + i];
            return (i) => Math.floor(Number(values[off + i]) / MS_PER_DAY);
        }
        case arrow.Type.Timestamp: {
            const unit = t.unit;
            const v = values;
            switch (unit) {
                case arrow.TimeUnit.SECOND:
                    return (i) => Number(v[off + i]) * 1e6;
                case arrow.TimeUnit.MILLISECOND:
                    return (i) => Number(v[off + i]) * 1e3;
                case arrow.TimeUnit.MICROSECOND:
                    return (i) => Number(v[off + i]);
                default:
                    return (i) => Number(v[off + i] / 1000n) - (v[off + i] % 1000n < 0n ? 1 : 0);
            }
        }
        case arrow.Type.Utf8:
        case arrow.Type.LargeUtf8: {
            const offsets = data.valueOffsets;
            const bytes = data.values;
            const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
            return (i) => buf.toString('utf8', Number(offsets[off + i]), Number(offsets[off + i + 1]));
        }
        case arrow.Type.Binary:
        case arrow.Type.LargeBinary: {
            const offsets = data.valueOffsets;
            const bytes = data.values;
            return (i) => bytes.slice(Number(offsets[off + i]), Number(offsets[off + i + 1]));
        }
        case arrow.Type.Dictionary: {
            const dict = readerFor(data.dictionary.data[0]);
            const chunks = data.dictionary.data;
            const keys = values;
            if (chunks.length === 1)
                return (i) => dict(Number(keys[off + i]));
            const vec = data.dictionary;
            return (i) => vec.get(Number(keys[off + i]));
        }
        case arrow.Type.List:
        case arrow.Type.LargeList: {
            const offsets = data.valueOffsets;
            const child = readerFor(data.children[0]);
            return (i) => {
                const out = [];
                for (let k = Number(offsets[off + i]); k < Number(offsets[off + i + 1]); k++)
                    out.push(child(k));
                return out;
            };
        }
        case arrow.Type.FixedSizeList: {
            const size = t.listSize;
            const child = readerFor(data.children[0]);
            return (i) => {
                const out = [];
                for (let k = (off + i) * size; k < (off + i + 1) * size; k++)
                    out.push(child(k));
                return out;
            };
        }
        case arrow.Type.Struct: {
            const names = t.children.map((f) => f.name);
            const children = data.children.map((c) => readerFor(c));
            return (i) => {
                const o = {};
                for (let k = 0; k < names.length; k++)
                    o[names[k]] = children[k](off + i);
                return o;
            };
        }
        case arrow.Type.Map: {
            const offsets = data.valueOffsets;
            const entries = data.children[0];
            const key = readerFor(entries.children[0]);
            const value = readerFor(entries.children[1]);
            return (i) => {
                const out = [];
                for (let k = offsets[off + i]; k < offsets[off + i + 1]; k++)
                    out.push([key(entries.offset + k), value(entries.offset + k)]);
                return out;
            };
        }
        default: {
            const vec = arrow.makeVector(data);
            return (i) => vec.get(i);
        }
    }
}
/** The unscaled decimal as text with `scale` fraction digits ("1.50"). */
export function decimalText(unscaled, scale) {
    const neg = unscaled < 0n;
    let s = (neg ? -unscaled : unscaled).toString();
    if (scale > 0) {
        if (s.length <= scale)
            s = '0'.repeat(scale - s.length + 1) + s;
        s = `${s.slice(0, s.length - scale)}.${s.slice(s.length - scale)}`;
    }
    return neg ? `-${s}` : s;
}
/** Java's Double.toString, as Spark prints doubles in CSV and JSON: 1.0, 0.001, 1.0E7, 1.5E-5, NaN, Infinity. */
export function javaDouble(x) {
    if (Number.isNaN(x))
        return 'NaN';
    if (x === Infinity)
        return 'Infinity';
    if (x === -Infinity)
        return '-Infinity';
    if (x === 0)
        return Object.is(x, -0) ? '-0.0' : '0.0';
    const a = Math.abs(x);
    if (a >= 1e-3 && a < 1e7) {
        const s = String(x);
        return s.includes('.') ? s : `${s}.0`;
    }
    const [m, e] = x.toExponential().split('e');
    return `${m.includes('.') ? m : `${m}.0`}E${e.startsWith('+') ? e.slice(1) : e}`;
}
/** Java's Float.toString for a float32 value: the shortest decimal that reads back as the same float. */
export function javaFloat(x) {
    if (!Number.isFinite(x) || x === 0)
        return javaDouble(x);
    for (let p = 1; p <= 9; p++) {
        const s = Number(x.toPrecision(p));
        if (Math.fround(s) === x)
            return javaDouble(s);
    }
    return javaDouble(x);
}
//# sourceMappingURL=values.js.map