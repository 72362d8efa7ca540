import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { SourceError } from '../errors.js';
/**
 * Just enough of Parquet's footer to plan splits and to read only the bytes a split needs: a Thrift
 * compact-protocol decoder and encoder that keep every field (with its wire type) so a footer can be rewritten.
 * `compactFile` builds a small, valid Parquet file holding only some row groups and top-level columns of a
 * file: the Parquet library then decodes exactly the requested data (its synchronous reader has no column
 * projection of its own), and only those bytes are read from disk.
 */
// Compact protocol wire types.
const T_TRUE = 1;
const T_FALSE = 2;
const T_BYTE = 3;
const T_I16 = 4;
const T_I32 = 5;
const T_I64 = 6;
const T_DOUBLE = 7;
const T_BINARY = 8;
const T_LIST = 9;
const T_SET = 10;
const T_MAP = 11;
const T_STRUCT = 12;
class Decoder {
    b;
    pos = 0;
    constructor(b) {
        this.b = b;
    }
    byte() {
        if (this.pos >= this.b.length)
            throw new RangeError('truncated Thrift data');
        return this.b[this.pos++];
    }
    varint() {
        let v = 0;
        let mul = 1;
        for (;;) {
            const x = this.byte();
            v += (x & 0x7f) * mul;
            if (x < 0x80)
                return v;
            mul *= 128;
        }
    }
    zigzag() {
        const v = this.varint();
        return v % 2 === 0 ? v / 2 : -(v + 1) / 2;
    }
    value(type) {
        switch (type) {
            case T_TRUE:
                return true;
            case T_FALSE:
                return false;
            case T_BYTE: {
                const x = this.byte();
                return x > 127 ? x - 256 : x;
            }
            case T_I16:
            case T_I32:
            case T_I64:
                return this.zigzag();
            case T_DOUBLE: {
                const v = new DataView(this.b.buffer, this.b.byteOffset + this.pos, 8).getFloat64(0, true);
                this.pos += 8;
                return v;
            }
            case T_BINARY: {
                const n = this.varint();
                const v = this.b.subarray(this.pos, this.pos + n);
                this.pos += n;
                return v;
            }
            case T_LIST:
            case T_SET: {
                const h = this.byte();
                let size = h >> 4;
                const et = h & 0x0f;
                if (size === 15)
                    size = this.varint();
                const items = [];
                for (let i = 0; i < size; i++)
                    items.push(et === T_TRUE || et === T_FALSE ? this.byte() === 1 : this.value(et));
                return { et, items };
            }
            case T_MAP: {
                const size = this.varint();
                const entries = [];
                let kt = 0;
                let vt = 0;
                if (size > 0) {
                    const kv = this.byte();
                    kt = kv >> 4;
                    vt = kv & 0x0f;
                    for (let i = 0; i < size; i++)
                        entries.push([this.value(kt), this.value(vt)]);
                }
                return { kt, vt, entries };
            }
            case T_STRUCT:
                return this.struct();
        }
        throw new RangeError(`unknown Thrift compact type ${type}`);
    }
    struct() {
        const out = new Map();
        let last = 0;
        for (;;) {
            const h = this.byte();
            if (h === 0)
                return out;
            const delta = h >> 4;
            const t = h & 0x0f;
            const id = delta === 0 ? this.zigzag() : last + delta;
            last = id;
            out.set(id, { t, v: this.value(t) });
        }
    }
}
class Encoder {
    buf = new Uint8Array(1 << 12);
    len = 0;
    ensure(n) {
        if (this.len + n > this.buf.length) {
            const b = new Uint8Array(Math.max(this.buf.length * 2, this.len + n));
            b.set(this.buf.subarray(0, this.len));
            this.buf = b;
        }
    }
    byte(x) {
        this.ensure(1);
        this.buf[this.len++] = x & 0xff;
    }
    varint(v) {
        while (v >= 0x80) {
            this.byte((v % 0x80) | 0x80);
            v = Math.floor(v / 0x80);
        }
        this.byte(v);
    }
    zigzag(n) {
        this.varint(n >= 0 ? n * 2 : -n * 2 - 1);
    }
    value(t, v) {
        switch (t) {
            case T_TRUE:
            case T_FALSE:
                return;
            case T_BYTE:
                return this.byte(v);
            case T_I16:
            case T_I32:
            case T_I64:
                return this.zigzag(v);
            case T_DOUBLE: {
                this.ensure(8);
                new DataView(this.buf.buffer, this.len, 8).setFloat64(0, v, true);
                this.len += 8;
                return;
            }
            case T_BINARY: {
                const b = v;
                this.varint(b.length);
                this.ensure(b.length);
                this.buf.set(b, this.len);
                this.len += b.length;
                return;
            }
            case T_LIST:
            case T_SET: {
                const l = v;
                if (l.items.length < 15)
                    this.byte((l.items.length << 4) | l.et);
                else {
                    this.byte(0xf0 | l.et);
                    this.varint(l.items.length);
                }
                for (const x of l.items) {
                    if (l.et === T_TRUE || l.et === T_FALSE)
                        this.byte(x ? 1 : 2);
                    else
                        this.value(l.et, x);
                }
                return;
            }
            case T_MAP: {
                const m = v;
                this.varint(m.entries.length);
                if (m.entries.length) {
                    this.byte((m.kt << 4) | m.vt);
                    for (const [k, x] of m.entries) {
                        this.value(m.kt, k);
                        this.value(m.vt, x);
                    }
                }
                return;
            }
            case T_STRUCT:
                return this.struct(v);
        }
        throw new RangeError(`unknown Thrift compact type ${t}`);
    }
    struct(s) {
        let last = 0;
        for (const id of [...s.keys()].sort((a, b) => a - b)) {
            const f = s.get(id);
            const t = f.t === T_TRUE || f.t === T_FALSE ? (f.v ? T_TRUE : T_FALSE) : f.t;
            const delta = id - last;
            if (delta > 0 && delta <= 15)
                this.byte((delta << 4) | t);
            else {
                this.byte(t);
                this.zigzag(id);
            }
            last = id;
            this.value(t, f.v);
        }
        this.byte(0);
    }
    bytes() {
        return this.buf.subarray(0, this.len);
    }
}
const num = (s, id) => {
    const f = s.get(id);
    return f === undefined ? undefined : Number(f.v);
};
const list = (s, id) => (s.get(id)?.v?.items ?? []);
const str = (v) => (v instanceof Uint8Array ? Buffer.from(v).toString('utf8') : '');
function chunkRange(md) {
    const dataOff = num(md, 9) ?? 0;
    const dictOff = num(md, 11) ?? 0;
    const start = dictOff > 0 && dictOff < dataOff ? dictOff : dataOff;
    return { start, length: num(md, 7) ?? 0 };
}
/** Reads and decodes the footer of a Parquet file. */
export function readFooter(path) {
    const fd = openSync(path, 'r');
    try {
        const size = fstatSync(fd).size;
        if (size < 12)
            throw new SourceError('INVALID_FILE', `${path} is not a Parquet file (too small).`);
        const tail = Buffer.alloc(8);
        readSync(fd, tail, 0, 8, size - 8);
        if (tail.toString('latin1', 4, 8) !== 'PAR1') {
            throw new SourceError('INVALID_FILE', `${path} is not a Parquet file (no PAR1 magic at the end).`);
        }
        const metaLen = tail.readInt32LE(0);
        const footerStart = size - 8 - metaLen;
        if (metaLen <= 0 || footerStart < 4)
            throw new SourceError('INVALID_FILE', `${path} has a corrupt Parquet footer.`);
        const bytes = Buffer.alloc(metaLen);
        readSync(fd, bytes, 0, metaLen, footerStart);
        const meta = new Decoder(bytes).struct();
        const rowGroups = list(meta, 4).map((gv, index) => {
            const g = gv;
            const chunks = list(g, 1).map((cv) => {
                const md = cv.get(3)?.v ?? new Map();
                return { column: str(list(md, 3)[0]), ...chunkRange(md) };
            });
            const start = chunks.length ? Math.min(...chunks.map((c) => c.start)) : (num(g, 5) ?? 4);
            const end = chunks.length ? Math.max(...chunks.map((c) => c.start + c.length)) : start;
            return { index, numRows: num(g, 3) ?? 0, start, length: end - start, chunks };
        });
        return { fileSize: size, footerStart, numRows: num(meta, 3) ?? 0, rowGroups, meta };
    }
    finally {
        closeSync(fd);
    }
}
/** Top-level column names of the file's schema, in order. */
export function topLevelColumns(footer) {
    const schema = list(footer.meta, 2);
    const names = [];
    let i = 1;
    const skip = () => {
        const n = num(schema[i], 5) ?? 0;
        i++;
        for (let k = 0; k < n; k++)
            skip();
    };
    const rootChildren = num(schema[0], 5) ?? 0;
    for (let k = 0; k < rootChildren && i < schema.length; k++) {
        names.push(str(schema[i].get(4)?.v));
        skip();
    }
    return names;
}
/**
 * A Parquet file holding only the given row groups and top-level columns of `path`: "PAR1", the kept column
 * chunks copied byte for byte, and a rewritten footer (schema, column orders and row groups filtered, page
 * offsets moved, page indexes, bloom filters and the embedded Arrow schema dropped).
 */
export function compactFile(path, footer, groups, columns) {
    const meta = footer.meta;
    const schema = list(meta, 2);
    // Filter the schema (a pre-order list of elements with num_children) and note which leaves are kept.
    const keptSchema = [];
    const keepLeaf = [];
    let i = 1;
    const walk = (keep) => {
        const el = schema[i++];
        const n = num(el, 5) ?? 0;
        if (keep)
            keptSchema.push(el);
        if (el.get(1) !== undefined)
            keepLeaf.push(keep); // only leaves have a physical type
        for (let k = 0; k < n; k++)
            walk(keep);
    };
    const root = new Map(schema[0]);
    let rootKept = 0;
    const rootChildren = num(schema[0], 5) ?? 0;
    for (let k = 0; k < rootChildren; k++) {
        const keep = columns.has(str(schema[i].get(4)?.v));
        if (keep)
            rootKept++;
        walk(keep);
    }
    root.set(5, { t: T_I32, v: rootKept });
    const parts = [Buffer.from('PAR1', 'latin1')];
    let offset = 4;
    const fd = openSync(path, 'r');
    const newGroups = [];
    let rows = 0;
    try {
        const allGroups = list(meta, 4);
        for (const gi of groups) {
            const g = allGroups[gi];
            const chunks = list(g, 1);
            const kept = [];
            const groupStart = offset;
            chunks.forEach((c, leaf) => {
                if (!keepLeaf[leaf])
                    return;
                const md = new Map(c.get(3).v);
                const { start, length } = chunkRange(md);
                const bytes = Buffer.allocUnsafe(length);
                let got = 0;
                while (got < length) {
                    const n = readSync(fd, bytes, got, length - got, start + got);
                    if (n === 0)
                        throw new SourceError('INVALID_FILE', `${path} is truncated (column chunk at ${start}).`);
                    got += n;
                }
                parts.push(bytes);
                const move = (id) => {
                    const v = num(md, id);
                    if (v !== undefined && v > 0)
                        md.set(id, { t: md.get(id).t, v: v - start + offset });
                };
                move(9);
                move(10);
                move(11);
                md.delete(14); // bloom filter offset
                md.delete(15); // bloom filter length
                const cc = new Map([...c].filter(([id]) => id < 4 || id > 7)); // no page indexes
                cc.set(2, { t: T_I64, v: 0 });
                cc.set(3, { t: T_STRUCT, v: md });
                kept.push(cc);
                offset += length;
            });
            const ng = new Map(g);
            ng.set(1, { t: T_LIST, v: { et: T_STRUCT, items: kept } });
            ng.set(5, { t: T_I64, v: groupStart });
            ng.set(6, { t: T_I64, v: offset - groupStart });
            ng.delete(7);
            newGroups.push(ng);
            rows += num(g, 3) ?? 0;
        }
    }
    finally {
        closeSync(fd);
    }
    const nm = new Map(meta);
    nm.set(2, { t: T_LIST, v: { et: T_STRUCT, items: [root, ...keptSchema] } });
    nm.set(3, { t: T_I64, v: rows });
    nm.set(4, { t: T_LIST, v: { et: T_STRUCT, items: newGroups } });
    const kv = meta.get(5);
    if (kv) {
        const items = kv.v.items.filter((e) => str(e.get(1)?.v) !== 'ARROW:schema');
        nm.set(5, { t: T_LIST, v: { et: T_STRUCT, items } });
    }
    const orders = meta.get(7);
    if (orders) {
        const items = orders.v.items.filter((_, leaf) => keepLeaf[leaf]);
        nm.set(7, { t: T_LIST, v: { et: orders.v.et, items } });
    }
    const enc = new Encoder();
    enc.struct(nm);
    const footerBytes = enc.bytes();
    const tail = Buffer.alloc(8);
    tail.writeInt32LE(footerBytes.length, 0);
    tail.write('PAR1', 4, 'latin1');
    parts.push(footerBytes, tail);
    return Buffer.concat(parts);
}
//# sourceMappingURL=metadata.js.map