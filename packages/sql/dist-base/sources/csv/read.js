import * as arrow from 'apache-arrow';
import { DecimalType, StringType, StructField } from '../../types/data-types.js';
import { makeColumnBuilder, makeBatch, packBits, setInt64 } from '../columns.js';
import { MalformedRecordError, SourceError } from '../errors.js';
import { countNewlinesBefore, lineChunks, readWholeFile } from '../splits.js';
import { blankLine, fieldText, Fields, indexStructural, NL, CR, parseBoolBytes, parseDecimalText, parseDoubleBytes, parseDoubleText, parseIntBytes, parseLongBytes, parseState, scanRecord, skipLine, unescapeInto, UNESCAPE, QUOTED, } from './scanner.js';
/** Rows per record batch. */
export const BATCH_ROWS = 65536;
const K_STRING = 0;
const K_INT = 1;
const K_LONG = 2;
const K_DOUBLE = 3;
const K_BOOL = 4;
const K_OTHER = 5;
const K_CORRUPT = 6;
/** A string column while it is dictionary-encoded (the default for strings until a batch looks high-cardinality). */
const K_DICT = 7;
/** A dictionary gives up when it holds more than this many entries and more than half the batch's rows. */
const DICT_MIN_GIVE_UP = 4096;
/** One output column while a batch fills. All columns share this shape so the hot loop stays monomorphic. */
class Col {
    kind;
    src;
    field;
    convert;
    i32 = EMPTY_I32;
    f64 = EMPTY_F64;
    u8 = EMPTY_U8;
    valid = EMPTY_U8;
    offsets = EMPTY_I32;
    data = EMPTY_BUF;
    used = 0;
    nulls = 0;
    other = [];
    // K_DICT: row indices in i32; the distinct values in offsets/data/used; an open-addressing hash table.
    dictCount = 0;
    slots = EMPTY_I32;
    hashes = EMPTY_I32;
    scratch = EMPTY_U8;
    /** The field that failed to parse in row badRow (for the FAILFAST message). */
    badRow = -1;
    badStart = 0;
    badEnd = 0;
    badFlags = 0;
    constructor(
    /** K_DICT turns into K_STRING (for the rest of the split) when the values look mostly distinct. */
    kind, 
    /** Index of the field in the file's records; -1 for the corrupt-record column. */
    src, field, convert) {
        this.kind = kind;
        this.src = src;
        this.field = field;
        this.convert = convert;
    }
    /** Fresh arrays for the next batch (not zero-filled: every slot of a row is written, nulls included). */
    reset() {
        this.valid = new Uint8Array(uninit(BATCH_ROWS));
        this.nulls = 0;
        switch (this.kind) {
            case K_INT:
                this.i32 = new Int32Array(uninit(4 * BATCH_ROWS));
                break;
            case K_LONG:
                this.i32 = new Int32Array(uninit(8 * BATCH_ROWS));
                break;
            case K_DOUBLE:
                this.f64 = new Float64Array(uninit(8 * BATCH_ROWS));
                break;
            case K_BOOL:
                this.u8 = new Uint8Array(uninit(BATCH_ROWS));
                break;
            case K_STRING:
                this.offsets = new Int32Array(uninit(4 * (BATCH_ROWS + 1)));
                this.offsets[0] = 0;
                if (this.data.length === 0)
                    this.data = Buffer.allocUnsafeSlow(1 << 20);
                else
                    this.data = Buffer.allocUnsafeSlow(this.data.length);
                this.used = 0;
                break;
            case K_DICT:
                this.i32 = new Int32Array(uninit(4 * BATCH_ROWS));
                this.offsets = new Int32Array(1025);
                this.data = Buffer.allocUnsafeSlow(1 << 16);
                this.used = 0;
                this.dictCount = 0;
                this.slots = new Int32Array(2048);
                this.hashes = new Int32Array(1024);
                break;
            default:
                this.other = [];
        }
    }
    /** Adds a distinct value (bytes src[s, e), hash h) to the dictionary; returns its index. */
    addEntry(src, s, e, h, slot) {
        const id = this.dictCount++;
        const len = e - s;
        if (this.used + len > this.data.length)
            this.growData(this.used + len);
        const dst = this.data;
        let u = this.used;
        for (let i = s; i < e; i++)
            dst[u++] = src[i];
        this.used = u;
        if (id + 2 > this.offsets.length) {
            const o = new Int32Array(this.offsets.length * 2);
            o.set(this.offsets);
            this.offsets = o;
            const hs = new Int32Array(this.hashes.length * 2);
            hs.set(this.hashes);
            this.hashes = hs;
        }
        this.offsets[id + 1] = u;
        this.hashes[id] = h;
        this.slots[slot] = id + 1;
        if (this.dictCount * 2 > this.slots.length) {
            // Rehash into a table twice the size.
            const slots = new Int32Array(this.slots.length * 2);
            const mask = slots.length - 1;
            for (let k = 0; k < this.dictCount; k++) {
                let j = this.hashes[k] & mask;
                while (slots[j] !== 0)
                    j = (j + 1) & mask;
                slots[j] = k + 1;
            }
            this.slots = slots;
        }
        return id;
    }
    /** Turns a dictionary column into plain offsets for its first `rows` rows; it stays plain afterwards. */
    toPlain(rows) {
        const offsets = new Int32Array(uninit(4 * (BATCH_ROWS + 1)));
        offsets[0] = 0;
        const dOff = this.offsets;
        let size = 0;
        for (let i = 0; i < rows; i++)
            if (this.valid[i])
                size += dOff[this.i32[i] + 1] - dOff[this.i32[i]];
        const data = Buffer.allocUnsafeSlow(Math.max(1 << 20, size * 2));
        const dict = this.data;
        let u = 0;
        for (let i = 0; i < rows; i++) {
            if (this.valid[i]) {
                const id = this.i32[i];
                for (let k = dOff[id]; k < dOff[id + 1]; k++)
                    data[u++] = dict[k];
            }
            offsets[i + 1] = u;
        }
        this.offsets = offsets;
        this.data = data;
        this.used = u;
        this.kind = K_STRING;
    }
    growData(need) {
        let n = this.data.length * 2;
        while (n < need)
            n *= 2;
        const b = Buffer.allocUnsafeSlow(n);
        this.data.copy(b, 0, 0, this.used);
        this.data = b;
    }
    finish(n) {
        const type = this.field.dataType.toArrow();
        const validity = () => (this.nulls ? { nullCount: this.nulls, nullBitmap: packBits(this.valid, n) } : { nullCount: 0 });
        switch (this.kind) {
            case K_INT:
                return arrow.makeData({ type: type, length: n, data: this.i32.subarray(0, n), ...validity() });
            case K_LONG:
                return arrow.makeData({ type: type, length: n, data: new BigInt64Array(this.i32.buffer, 0, n), ...validity() });
            case K_DOUBLE:
                return arrow.makeData({ type: type, length: n, data: this.f64.subarray(0, n), ...validity() });
            case K_BOOL:
                return arrow.makeData({ type: type, length: n, data: packBits(this.u8, n), ...validity() });
            case K_STRING:
                return arrow.makeData({
                    type: type,
                    length: n,
                    valueOffsets: this.offsets.subarray(0, n + 1),
                    data: new Uint8Array(this.data.buffer, this.data.byteOffset, this.used),
                    ...validity(),
                });
            case K_DICT: {
                const dictionary = arrow.makeVector(arrow.makeData({
                    type: new arrow.Utf8(),
                    length: this.dictCount,
                    nullCount: 0,
                    valueOffsets: this.offsets.subarray(0, this.dictCount + 1),
                    data: new Uint8Array(this.data.buffer, this.data.byteOffset, this.used),
                }));
                const dtype = new arrow.Dictionary(new arrow.Utf8(), new arrow.Int32());
                return arrow.makeData({ type: dtype, length: n, data: this.i32.subarray(0, n), dictionary, ...validity() });
            }
            default: {
                const b = makeColumnBuilder(this.field.dataType);
                for (let i = 0; i < n; i++)
                    b.append(this.other[i]);
                return b.finish();
            }
        }
    }
}
/** An ArrayBuffer of n bytes that is not zero-filled. */
const uninit = (n) => Buffer.allocUnsafeSlow(n).buffer;
const EMPTY_I32 = new Int32Array(0);
const EMPTY_F64 = new Float64Array(0);
const EMPTY_U8 = new Uint8Array(0);
const EMPTY_BUF = Buffer.alloc(0);
function converter(t, o) {
    const fail = () => {
        parseState.failed = true;
        return null;
    };
    if (t instanceof DecimalType)
        return (s) => parseDecimalText(s, t.precision, t.scale) ?? fail();
    switch (t.typeName) {
        case 'date':
            return (s) => o.dateTime.parseDate(s) ?? fail();
        case 'timestamp':
            return (s) => o.dateTime.parseTimestamp(s) ?? fail();
        case 'float':
            return (s) => Math.fround(parseDoubleText(s, o));
        case 'tinyint':
        case 'smallint': {
            const lim = t.typeName === 'tinyint' ? 128 : 32768;
            return (s) => {
                if (!/^[+-]?\d+$/.test(s))
                    return fail();
                const v = Number(s);
                return v >= -lim && v < lim ? v : fail();
            };
        }
        case 'binary':
            return (s) => Buffer.from(s, 'utf8');
        case 'void':
            return () => null;
    }
    throw new SourceError('UNSUPPORTED_TYPE', `The CSV source does not support the data type ${t.simpleString()}.`);
}
function kindOf(t) {
    switch (t.typeName) {
        case 'string':
            return K_DICT;
        case 'int':
            return K_INT;
        case 'bigint':
            return K_LONG;
        case 'double':
            return K_DOUBLE;
        case 'boolean':
            return K_BOOL;
        default:
            return K_OTHER;
    }
}
/** The file's own columns: the schema without the corrupt-record column. */
export function dataFields(schema, o) {
    return schema.fields.filter((f) => f.name !== o.corruptColumn);
}
function findField(fields, name) {
    const i = fields.findIndex((f) => f.name === name);
    if (i >= 0)
        return i;
    const lower = name.toLowerCase();
    return fields.findIndex((f) => f.name.toLowerCase() === lower);
}
/**
 * Reads one split of a CSV file into record batches of the requested columns. Only those columns are converted;
 * the rest are only scanned past. Records are lines (each split owns the lines that start in it) unless
 * multiLine is set, when the whole file is one split and quoted values may hold newlines.
 */
export function* readCsvSplit(split, schema, columns, o) {
    const r = new CsvSplitReader(split, schema, columns, o);
    const chunks = o.multiLine ? wholeFileChunk(split.path) : lineChunks(split);
    for (const chunk of chunks) {
        r.startChunk(chunk);
        while (r.fill())
            yield r.flush();
    }
    if (r.n > 0)
        yield r.flush();
}
/** The state of one split's read. `fill` runs the hot loops; it is not a generator so V8 optimizes it fully. */
class CsvSplitReader {
    split;
    o;
    cols;
    outFields;
    nData;
    nCols;
    nOut;
    hasCorrupt;
    cfg;
    F = new Fields();
    nullBytes;
    nullLen;
    skipHeader;
    n = 0;
    // Line numbers for error messages: lines consumed in this split, plus the newlines before it (counted lazily).
    firstOffset = -1;
    linesSeen = 0;
    // current chunk
    buf = EMPTY_BUF;
    pos = 0;
    limit = 0;
    fast = false;
    idx = new Int32Array(0);
    k = 0;
    constructor(split, schema, columns, o) {
        this.split = split;
        this.o = o;
        const fileFields = dataFields(schema, o);
        this.nData = fileFields.length;
        this.cols = columns.map((name) => {
            if (name === o.corruptColumn && schema.fields.some((f) => f.name === name)) {
                const f = schema.fields.find((x) => x.name === name);
                if (f.dataType !== StringType) {
                    throw new SourceError('INVALID_OPTION', `The corrupt record column '${name}' must be of type string, not ${f.dataType.simpleString()}.`);
                }
                return new Col(K_CORRUPT, -1, f, null);
            }
            const i = findField(fileFields, name);
            if (i < 0)
                throw new SourceError('COLUMN_NOT_FOUND', `Column '${name}' is not in the CSV schema (${fileFields.map((f) => f.name).join(', ')}).`);
            const f = fileFields[i];
            const kind = kindOf(f.dataType);
            return new Col(kind, i, new StructField(name, f.dataType, f.nullable), kind === K_OTHER ? converter(f.dataType, o) : null);
        });
        this.outFields = this.cols.map((c) => c.field);
        this.nOut = this.cols.length;
        this.hasCorrupt = this.cols.some((c) => c.kind === K_CORRUPT);
        if (this.hasCorrupt) {
            // As in Spark, asking for the corrupt record column turns column pruning off: every field is parsed so
            // that any malformed value marks the record. The extra columns are converted but not returned.
            fileFields.forEach((f, i) => {
                if (!this.cols.some((c) => c.src === i)) {
                    const kind = kindOf(f.dataType);
                    this.cols.push(new Col(kind, i, f, kind === K_OTHER ? converter(f.dataType, o) : null));
                }
            });
        }
        this.nCols = this.cols.length;
        this.cfg = { sep: o.sep, quote: o.quote, escape: o.escape, multiLine: o.multiLine };
        this.nullBytes = o.nullBytes;
        this.nullLen = o.nullBytes.length;
        this.skipHeader = o.header && split.start === 0;
        for (const c of this.cols)
            c.reset();
    }
    startChunk(chunk) {
        this.buf = chunk.buf;
        this.pos = chunk.from;
        this.limit = chunk.to;
        if (this.firstOffset < 0)
            this.firstOffset = chunk.fileOffset;
        // Fast path: a chunk of lines without any quote character is tokenized by a structural index of its
        // separators and newlines, built four bytes at a time.
        this.fast = false;
        this.k = 0;
        if (!this.o.multiLine) {
            const q = this.o.quote < 0 ? -1 : this.buf.subarray(this.pos, this.limit).indexOf(this.o.quote);
            if (q === -1) {
                this.fast = true;
                if (this.idx.length < this.limit - this.pos + 1)
                    this.idx = new Int32Array(this.limit - this.pos + 1);
                const np = indexStructural(this.buf, this.pos, this.limit, this.o.sep, this.idx);
                this.idx[np] = ~0x7ffffffe; // sentinel: a newline past the end
            }
        }
    }
    flush() {
        const n = this.n;
        const datas = this.cols.slice(0, this.nOut).map((c) => c.finish(n));
        const b = makeBatch(this.outFields, datas, n);
        this.n = 0;
        for (const c of this.cols)
            c.reset();
        return b;
    }
    lineNumber() {
        return (this.firstOffset > 0 ? countNewlinesBefore(this.split.path, this.firstOffset) : 0) + this.linesSeen + 1;
    }
    /** Reads records of the current chunk until the batch is full (true) or the chunk is done (false). */
    fill() {
        return this.fast ? this.fillFast() : this.fillSlow();
    }
    fillFast() {
        const buf = this.buf;
        const limit = this.limit;
        const idx = this.idx;
        const cols = this.cols;
        const nCols = this.nCols;
        const comment = this.o.comment;
        let pos = this.pos;
        let k = this.k;
        while (pos < limit) {
            const c0 = buf[pos];
            if ((c0 <= 32 && blankLine(buf, pos)) || c0 === comment) {
                pos = skipLine(buf, pos, limit);
                while ((idx[k] < 0 ? ~idx[k] : idx[k]) < pos)
                    k++;
                this.linesSeen++;
                continue;
            }
            const k0 = k;
            while (idx[k] >= 0)
                k++;
            const nl = ~idx[k++];
            const recStart = pos;
            pos = nl + 1;
            if (this.skipHeader) {
                this.skipHeader = false;
                this.linesSeen++;
                continue;
            }
            const count = k - k0;
            let bad = count !== this.nData;
            for (let j = 0; j < nCols; j++) {
                const col = cols[j];
                const src = col.src;
                if (src < 0)
                    continue;
                if (src >= count) {
                    this.putNull(col);
                    continue;
                }
                const s = src === 0 ? recStart : idx[k0 + src - 1] + 1;
                let e = idx[k0 + src];
                if (e < 0) {
                    e = ~e;
                    if (e > s && buf[e - 1] === CR)
                        e--;
                }
                if (!this.put(col, buf, s, e, 0))
                    bad = true;
            }
            if (bad ? this.endBadRow(count, recStart, pos, 0) : this.endRow()) {
                this.pos = pos;
                this.k = k;
                return true;
            }
        }
        this.pos = pos;
        this.k = k;
        return false;
    }
    fillSlow() {
        const buf = this.buf;
        const limit = this.limit;
        const cols = this.cols;
        const nCols = this.nCols;
        const comment = this.o.comment;
        const F = this.F;
        const cfg = this.cfg;
        let pos = this.pos;
        while (pos < limit) {
            const c0 = buf[pos];
            if ((c0 <= 32 && blankLine(buf, pos)) || c0 === comment) {
                pos = skipLine(buf, pos, limit);
                this.linesSeen++;
                continue;
            }
            const recStart = pos;
            pos = scanRecord(buf, pos, limit, cfg, F);
            if (this.skipHeader) {
                this.skipHeader = false;
                this.linesSeen += 1 + F.innerLines;
                continue;
            }
            const count = F.count;
            let bad = count !== this.nData;
            for (let j = 0; j < nCols; j++) {
                const col = cols[j];
                const src = col.src;
                if (src < 0)
                    continue;
                if (src >= count)
                    this.putNull(col);
                else if (!this.put(col, buf, F.starts[src], F.ends[src], F.flags[src]))
                    bad = true;
            }
            if (bad ? this.endBadRow(count, recStart, pos, F.innerLines) : this.endRow(F.innerLines)) {
                this.pos = pos;
                return true;
            }
        }
        this.pos = pos;
        return false;
    }
    /** A null in row n; the value slot is zeroed so batches are deterministic. */
    putNull(col) {
        const n = this.n;
        col.valid[n] = 0;
        col.nulls++;
        switch (col.kind) {
            case K_STRING:
                col.offsets[n + 1] = col.used;
                break;
            case K_INT:
            case K_DICT:
                col.i32[n] = 0;
                break;
            case K_LONG:
                col.i32[2 * n] = 0;
                col.i32[2 * n + 1] = 0;
                break;
            case K_DOUBLE:
                col.f64[n] = 0;
                break;
            case K_BOOL:
                col.u8[n] = 0;
                break;
            default:
                col.other[n] = null;
        }
    }
    /** Converts one field into row n of the column; false when it does not parse as the column's type. */
    put(col, buf, s, e, fl) {
        const n = this.n;
        const kind = col.kind;
        const nullLen = this.nullLen;
        // An empty unquoted field is null whatever nullValue is (as Spark's parser reports it as nullValue); a value
        // equal to nullValue is null (a quoted "" too, with the default empty nullValue).
        if ((e === s && !(fl & QUOTED)) || (e - s === nullLen && (nullLen === 0 || bytesEq(buf, s, this.nullBytes, nullLen)))) {
            this.putNull(col);
            return true;
        }
        switch (kind) {
            case K_STRING: {
                let used = col.used;
                if (used + (e - s) > col.data.length)
                    col.growData(used + (e - s));
                const dst = col.data;
                if (fl & UNESCAPE)
                    used = unescapeInto(buf, s, e, this.cfg.quote, this.cfg.escape, dst, used);
                else if (e - s < 24)
                    for (let i = s; i < e; i++)
                        dst[used++] = buf[i];
                else {
                    buf.copy(dst, used, s, e);
                    used += e - s;
                }
                col.used = used;
                col.offsets[n + 1] = used;
                col.valid[n] = 1;
                return true;
            }
            case K_DICT: {
                let src = buf;
                let ss = s;
                let ee = e;
                if (fl & UNESCAPE) {
                    if (col.scratch.length < e - s)
                        col.scratch = new Uint8Array(Math.max(256, 2 * (e - s)));
                    ee = unescapeInto(buf, s, e, this.cfg.quote, this.cfg.escape, col.scratch, 0);
                    ss = 0;
                    src = col.scratch;
                }
                let h = 0x811c9dc5 ^ (ee - ss);
                for (let i = ss; i < ee; i++)
                    h = Math.imul(h ^ src[i], 0x01000193);
                const slots = col.slots;
                const mask = slots.length - 1;
                let slot = h & mask;
                let id = -1;
                for (;;) {
                    const ent = slots[slot];
                    if (ent === 0) {
                        id = col.addEntry(src, ss, ee, h, slot);
                        break;
                    }
                    if (col.hashes[ent - 1] === h) {
                        const a = col.offsets[ent - 1];
                        if (col.offsets[ent] - a === ee - ss) {
                            const d = col.data;
                            let k = 0;
                            while (k < ee - ss && d[a + k] === src[ss + k])
                                k++;
                            if (k === ee - ss) {
                                id = ent - 1;
                                break;
                            }
                        }
                    }
                    slot = (slot + 1) & mask;
                }
                col.i32[n] = id;
                col.valid[n] = 1;
                if (col.dictCount > DICT_MIN_GIVE_UP && col.dictCount * 2 > n + 1)
                    col.toPlain(n + 1);
                return true;
            }
            case K_INT: {
                parseState.failed = false;
                const v = fl ? parseIntText(buf, s, e, fl, this.cfg) : parseIntBytes(buf, s, e);
                if (parseState.failed)
                    break;
                col.i32[n] = v;
                col.valid[n] = 1;
                return true;
            }
            case K_LONG: {
                parseState.failed = false;
                const v = fl ? parseLongText(buf, s, e, fl, this.cfg) : parseLongBytes(buf, s, e);
                if (parseState.failed)
                    break;
                if (typeof v === 'number') {
                    const hi = Math.floor(v / 4294967296);
                    col.i32[2 * n] = v - hi * 4294967296;
                    col.i32[2 * n + 1] = hi;
                }
                else
                    setInt64(col.i32, n, v);
                col.valid[n] = 1;
                return true;
            }
            case K_DOUBLE: {
                parseState.failed = false;
                const v = fl ? parseDoubleText(fieldText(buf, s, e, fl, this.cfg), this.o) : parseDoubleBytes(buf, s, e, this.o);
                if (parseState.failed)
                    break;
                col.f64[n] = v;
                col.valid[n] = 1;
                return true;
            }
            case K_BOOL: {
                parseState.failed = false;
                const v = fl ? parseBoolText(fieldText(buf, s, e, fl, this.cfg)) : parseBoolBytes(buf, s, e);
                if (parseState.failed)
                    break;
                col.u8[n] = v ? 1 : 0;
                col.valid[n] = 1;
                return true;
            }
            default: {
                parseState.failed = false;
                const v = col.convert(fieldText(buf, s, e, fl, this.cfg));
                if (parseState.failed)
                    break;
                col.other[n] = v;
                col.valid[n] = 1;
                return true;
            }
        }
        // A value that does not parse: null, and the record is malformed.
        this.putNull(col);
        col.badStart = s;
        col.badEnd = e;
        col.badFlags = fl;
        col.badRow = n;
        return false;
    }
    /** Completes a well-formed row; true when the batch is full. */
    endRow(innerLines = 0) {
        if (this.hasCorrupt)
            for (const col of this.cols)
                if (col.kind === K_CORRUPT)
                    col.other[this.n] = null;
        this.linesSeen += 1 + innerLines;
        return ++this.n === BATCH_ROWS;
    }
    /** A malformed row (wrong field count or a value that does not parse), handled per the parse mode. */
    endBadRow(count, recStart, recEnd, innerLines) {
        const n = this.n;
        const buf = this.buf;
        if (this.o.mode === 'FAILFAST') {
            let problem = `expected ${this.nData} fields, found ${count}`;
            for (const col of this.cols) {
                if (col.badRow === n && col.src >= 0 && col.valid[n] === 0) {
                    const text = fieldText(buf, col.badStart, col.badEnd, col.badFlags, this.cfg);
                    problem = `cannot parse '${text}' as ${col.field.dataType.simpleString()} for column '${col.field.name}'`;
                    break;
                }
            }
            throw new MalformedRecordError(this.split.path, this.lineNumber(), problem);
        }
        for (const col of this.cols)
            col.badRow = -1;
        if (this.o.mode === 'DROPMALFORMED') {
            // Forget the row: the next row overwrites its slots.
            for (const col of this.cols) {
                if (col.kind === K_STRING)
                    col.used = col.offsets[n];
                if (col.src >= 0 && col.valid[n] === 0)
                    col.nulls--;
            }
            this.linesSeen += 1 + innerLines;
            return false;
        }
        if (this.hasCorrupt) {
            let end = recEnd - 1;
            if (end > recStart && buf[end - 1] === CR)
                end--;
            const raw = buf.toString('utf8', recStart, end);
            for (const col of this.cols)
                if (col.kind === K_CORRUPT)
                    col.other[n] = raw;
        }
        this.linesSeen += 1 + innerLines;
        return ++this.n === BATCH_ROWS;
    }
}
function bytesEq(buf, s, b, len) {
    for (let i = 0; i < len; i++)
        if (buf[s + i] !== b[i])
            return false;
    return true;
}
function* wholeFileChunk(path) {
    let buf = readWholeFile(path);
    if (buf.length === 0)
        return;
    if (buf[buf.length - 1] !== NL)
        buf = Buffer.concat([buf, Buffer.from([NL])]);
    yield { buf, from: 0, to: buf.length, fileOffset: 0 };
}
function parseIntText(buf, s, e, fl, cfg) {
    const b = Buffer.from(fieldText(buf, s, e, fl, cfg));
    return parseIntBytes(b, 0, b.length);
}
function parseLongText(buf, s, e, fl, cfg) {
    const b = Buffer.from(fieldText(buf, s, e, fl, cfg));
    return parseLongBytes(b, 0, b.length);
}
function parseBoolText(t) {
    const l = t.toLowerCase();
    if (l === 'true')
        return true;
    if (l !== 'false')
        parseState.failed = true;
    return false;
}
//# sourceMappingURL=read.js.map