import * as arrow from 'apache-arrow';
import { ArrayType, DecimalType, MapType, StructField, StructType, } from '../types/data-types.js';
function grow(a, need, make) {
    if (need <= a.length)
        return a;
    let n = Math.max(16, a.length * 2);
    while (n < need)
        n *= 2;
    const b = make(n);
    b.set(a);
    return b;
}
/** Packs one byte per row (1 = valid) into Arrow's validity bitmap. */
export function packBits(bytes, n) {
    const out = new Uint8Array((n + 7) >> 3);
    for (let i = 0; i < n; i++)
        if (bytes[i])
            out[i >> 3] |= 1 << (i & 7);
    return out;
}
/** Validity tracking shared by all builders: a byte per row, allocated at the first null. */
class Base {
    type;
    length = 0;
    valid = null;
    nulls = 0;
    constructor(type) {
        this.type = type;
    }
    markNull() {
        if (!this.valid) {
            this.valid = new Uint8Array(Math.max(16, this.length * 2));
            this.valid.fill(1, 0, this.length);
        }
        else if (this.valid.length <= this.length) {
            this.valid = grow(this.valid, this.length + 1, (n) => new Uint8Array(n));
        }
        this.valid[this.length] = 0;
        this.nulls++;
    }
    markValid() {
        if (this.valid) {
            if (this.valid.length <= this.length)
                this.valid = grow(this.valid, this.length + 1, (n) => new Uint8Array(n));
            this.valid[this.length] = 1;
        }
    }
    takeValidity(n) {
        const r = { nullCount: this.nulls, nullBitmap: this.valid && this.nulls ? packBits(this.valid, n) : undefined };
        this.valid = null;
        this.nulls = 0;
        return r;
    }
}
class NumberBuilder extends Base {
    make;
    values;
    constructor(type, make) {
        super(type);
        this.make = make;
        this.values = make(1024);
    }
    append(v) {
        if (v === null || v === undefined)
            return this.appendNull();
        if (this.length >= this.values.length)
            this.values = grow(this.values, this.length + 1, this.make);
        this.markValid();
        this.values[this.length++] = Number(v);
    }
    appendNull() {
        if (this.length >= this.values.length)
            this.values = grow(this.values, this.length + 1, this.make);
        this.markNull();
        this.values[this.length++] = 0;
    }
    finish() {
        const n = this.length;
        const data = this.values.slice(0, n);
        this.values = this.make(1024);
        this.length = 0;
        return arrow.makeData({ type: this.type.toArrow(), length: n, data, ...this.takeValidity(n) });
    }
}
const TWO32 = 4294967296;
/** Writes an integral number (|v| < 2^53) or bigint into slot i of an Int32Array view of 64-bit integers. */
export function setInt64(words, i, v) {
    if (typeof v === 'bigint') {
        words[2 * i] = Number(BigInt.asIntN(32, v));
        words[2 * i + 1] = Number(BigInt.asIntN(32, v >> 32n));
        return;
    }
    const hi = Math.floor(v / TWO32);
    words[2 * i] = v - hi * TWO32;
    words[2 * i + 1] = hi;
}
/** bigint and timestamp: BigInt64Array storage written through an Int32Array view (no BigInt per value). */
class Int64Builder extends Base {
    words = new Int32Array(2048);
    append(v) {
        if (v === null || v === undefined)
            return this.appendNull();
        if (2 * this.length >= this.words.length)
            this.words = grow(this.words, 2 * this.length + 2, (n) => new Int32Array(n));
        this.markValid();
        setInt64(this.words, this.length++, typeof v === 'bigint' ? v : Math.trunc(Number(v)));
    }
    appendNull() {
        if (2 * this.length >= this.words.length)
            this.words = grow(this.words, 2 * this.length + 2, (n) => new Int32Array(n));
        this.markNull();
        this.words[2 * this.length] = 0;
        this.words[2 * this.length + 1] = 0;
        this.length++;
    }
    finish() {
        const n = this.length;
        const data = new BigInt64Array(this.words.slice(0, 2 * n).buffer);
        this.words = new Int32Array(2048);
        this.length = 0;
        return arrow.makeData({ type: this.type.toArrow(), length: n, data, ...this.takeValidity(n) });
    }
}
class BoolBuilder extends Base {
    bytes = new Uint8Array(1024);
    append(v) {
        if (v === null || v === undefined)
            return this.appendNull();
        if (this.length >= this.bytes.length)
            this.bytes = grow(this.bytes, this.length + 1, (n) => new Uint8Array(n));
        this.markValid();
        this.bytes[this.length++] = v ? 1 : 0;
    }
    appendNull() {
        if (this.length >= this.bytes.length)
            this.bytes = grow(this.bytes, this.length + 1, (n) => new Uint8Array(n));
        this.markNull();
        this.bytes[this.length++] = 0;
    }
    finish() {
        const n = this.length;
        const data = packBits(this.bytes, n);
        this.bytes = new Uint8Array(1024);
        this.length = 0;
        return arrow.makeData({ type: new arrow.Bool(), length: n, data, ...this.takeValidity(n) });
    }
}
/** Decimal128: four little-endian 32-bit words per value, from the unscaled bigint. */
class DecimalBuilder extends Base {
    words = new Uint32Array(4096);
    append(v) {
        if (v === null || v === undefined)
            return this.appendNull();
        if (4 * this.length >= this.words.length)
            this.words = grow(this.words, 4 * this.length + 4, (n) => new Uint32Array(n));
        this.markValid();
        let x = BigInt.asUintN(128, typeof v === 'bigint' ? v : BigInt(v));
        const o = 4 * this.length++;
        for (let k = 0; k < 4; k++) {
            this.words[o + k] = Number(x & 0xffffffffn);
            x >>= 32n;
        }
    }
    appendNull() {
        if (4 * this.length >= this.words.length)
            this.words = grow(this.words, 4 * this.length + 4, (n) => new Uint32Array(n));
        this.markNull();
        this.words.fill(0, 4 * this.length, 4 * this.length + 4);
        this.length++;
    }
    finish() {
        const n = this.length;
        const data = this.words.slice(0, 4 * n);
        this.words = new Uint32Array(4096);
        this.length = 0;
        return arrow.makeData({ type: this.type.toArrow(), length: n, data, ...this.takeValidity(n) });
    }
}
/** string and binary: int32 offsets plus a byte buffer. `appendBytes` copies UTF-8 bytes straight from a file. */
export class BytesBuilder extends Base {
    offsets = new Int32Array(1025);
    bytes = Buffer.allocUnsafeSlow(1 << 14);
    used = 0;
    reserve(extra) {
        if (this.used + extra > this.bytes.length) {
            let n = this.bytes.length * 2;
            while (n < this.used + extra)
                n *= 2;
            const b = Buffer.allocUnsafeSlow(n);
            this.bytes.copy(b, 0, 0, this.used);
            this.bytes = b;
        }
        if (this.length + 1 >= this.offsets.length)
            this.offsets = grow(this.offsets, this.length + 2, (n) => new Int32Array(n));
    }
    append(v) {
        if (v === null || v === undefined)
            return this.appendNull();
        if (v instanceof Uint8Array)
            return this.appendBytes(v, 0, v.length);
        const s = typeof v === 'string' ? v : String(v);
        this.reserve(s.length * 3);
        this.markValid();
        this.used += this.bytes.write(s, this.used, 'utf8');
        this.offsets[++this.length] = this.used;
    }
    appendBytes(src, start, end) {
        const len = end - start;
        this.reserve(len);
        this.markValid();
        const dst = this.bytes;
        let u = this.used;
        if (len < 32)
            for (let i = start; i < end; i++)
                dst[u++] = src[i];
        else {
            dst.set(src.subarray(start, end), u);
            u += len;
        }
        this.used = u;
        this.offsets[++this.length] = u;
    }
    appendNull() {
        this.reserve(0);
        this.markNull();
        this.offsets[++this.length] = this.used;
    }
    finish() {
        const n = this.length;
        const valueOffsets = this.offsets.slice(0, n + 1);
        const data = new Uint8Array(this.used);
        data.set(this.bytes.subarray(0, this.used));
        this.offsets = new Int32Array(1025);
        this.used = 0;
        this.length = 0;
        return arrow.makeData({ type: this.type.toArrow(), length: n, valueOffsets, data, ...this.takeValidity(n) });
    }
}
class ListBuilder extends Base {
    offsets = new Int32Array(1025);
    child;
    constructor(type) {
        super(type);
        this.child = makeColumnBuilder(type.elementType);
    }
    append(v) {
        if (v === null || v === undefined)
            return this.appendNull();
        if (this.length + 1 >= this.offsets.length)
            this.offsets = grow(this.offsets, this.length + 2, (n) => new Int32Array(n));
        this.markValid();
        for (const x of v)
            this.child.append(x);
        this.offsets[++this.length] = this.child.length;
    }
    appendNull() {
        if (this.length + 1 >= this.offsets.length)
            this.offsets = grow(this.offsets, this.length + 2, (n) => new Int32Array(n));
        this.markNull();
        this.offsets[++this.length] = this.child.length;
    }
    finish() {
        const n = this.length;
        const valueOffsets = this.offsets.slice(0, n + 1);
        this.offsets = new Int32Array(1025);
        this.length = 0;
        const child = this.child.finish();
        return arrow.makeData({ type: this.type.toArrow(), length: n, valueOffsets, child, ...this.takeValidity(n) });
    }
}
class StructBuilder extends Base {
    children;
    names;
    constructor(type) {
        super(type);
        this.children = type.fields.map((f) => makeColumnBuilder(f.dataType));
        this.names = type.fields.map((f) => f.name);
    }
    append(v) {
        if (v === null || v === undefined)
            return this.appendNull();
        this.markValid();
        if (Array.isArray(v))
            for (let i = 0; i < this.children.length; i++)
                this.children[i].append(v[i]);
        else {
            const o = v;
            for (let i = 0; i < this.children.length; i++)
                this.children[i].append(o[this.names[i]]);
        }
        this.length++;
    }
    appendNull() {
        this.markNull();
        for (const c of this.children)
            c.appendNull();
        this.length++;
    }
    finish() {
        const n = this.length;
        this.length = 0;
        const children = this.children.map((c) => c.finish());
        return arrow.makeData({ type: this.type.toArrow(), length: n, children, ...this.takeValidity(n) });
    }
}
class MapBuilder extends Base {
    offsets = new Int32Array(1025);
    entries;
    constructor(type) {
        super(type);
        this.entries = new StructBuilder(new StructType([new StructField('key', type.keyType, false), new StructField('value', type.valueType, type.valueContainsNull)]));
    }
    append(v) {
        if (v === null || v === undefined)
            return this.appendNull();
        if (this.length + 1 >= this.offsets.length)
            this.offsets = grow(this.offsets, this.length + 2, (n) => new Int32Array(n));
        this.markValid();
        const pairs = v instanceof Map || Array.isArray(v) ? v : Object.entries(v);
        for (const [k, x] of pairs)
            this.entries.append([k, x]);
        this.offsets[++this.length] = this.entries.length;
    }
    appendNull() {
        if (this.length + 1 >= this.offsets.length)
            this.offsets = grow(this.offsets, this.length + 2, (n) => new Int32Array(n));
        this.markNull();
        this.offsets[++this.length] = this.entries.length;
    }
    finish() {
        const n = this.length;
        const valueOffsets = this.offsets.slice(0, n + 1);
        this.offsets = new Int32Array(1025);
        this.length = 0;
        const child = this.entries.finish();
        const t = this.type.toArrow();
        return arrow.makeData({ type: t, length: n, valueOffsets, child: child, ...this.takeValidity(n) });
    }
}
class NullBuilder extends Base {
    append() {
        this.length++;
    }
    appendNull() {
        this.length++;
    }
    finish() {
        const n = this.length;
        this.length = 0;
        return arrow.makeData({ type: new arrow.Null(), length: n });
    }
}
export function makeColumnBuilder(type) {
    if (type instanceof DecimalType)
        return new DecimalBuilder(type);
    if (type instanceof ArrayType)
        return new ListBuilder(type);
    if (type instanceof StructType)
        return new StructBuilder(type);
    if (type instanceof MapType)
        return new MapBuilder(type);
    switch (type.typeName) {
        case 'boolean':
            return new BoolBuilder(type);
        case 'tinyint':
            return new NumberBuilder(type, (n) => new Int8Array(n));
        case 'smallint':
            return new NumberBuilder(type, (n) => new Int16Array(n));
        case 'int':
        case 'date':
            return new NumberBuilder(type, (n) => new Int32Array(n));
        case 'float':
            return new NumberBuilder(type, (n) => new Float32Array(n));
        case 'double':
            return new NumberBuilder(type, (n) => new Float64Array(n));
        case 'bigint':
        case 'timestamp':
            return new Int64Builder(type);
        case 'string':
        case 'binary':
            return new BytesBuilder(type);
        case 'void':
            return new NullBuilder(type);
    }
    throw new TypeError(`no column builder for type ${type.simpleString()}`);
}
/**
 * A record batch of the given Spark fields from finished column data (all of one length). The Arrow fields take
 * their types from the data, so a string column may be dictionary-encoded (Dictionary<Int32, Utf8>).
 */
export function makeBatch(fields, columns, length) {
    const schema = new arrow.Schema(fields.map((f, j) => new arrow.Field(f.name, columns[j].type, f.nullable)));
    const data = arrow.makeData({ type: new arrow.Struct(schema.fields), length, nullCount: 0, children: columns });
    return new arrow.RecordBatch(schema, data);
}
//# sourceMappingURL=columns.js.map