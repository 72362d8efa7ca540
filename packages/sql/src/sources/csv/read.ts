import * as arrow from 'apache-arrow';
import type { FileSplit } from '../file-source.js';
import { type DataType, DecimalType, StringType, StructField, type StructType } from '../../types/data-types.js';
import { makeColumnBuilder, makeBatch, packBits, setInt64 } from '../columns.js';
import { MalformedRecordError, SourceError } from '../errors.js';
import { countNewlinesBefore, lineChunks, readWholeFile, type LineChunk } from '../splits.js';
import type { CsvOptions } from './options.js';
import {
  blankLine,
  fieldText,
  Fields,
  indexStructural,
  NL,
  CR,
  parseBoolBytes,
  parseDecimalText,
  parseDoubleBytes,
  parseDoubleText,
  parseIntBytes,
  parseLongBytes,
  parseState,
  scanRecord,
  skipLine,
  unescapeInto,
  UNESCAPE,
  QUOTED,
  type ScanConfig,
} from './scanner.js';

/** Rows per record batch. */
export const BATCH_ROWS = 65536;

/** Bytes of a chunk indexed at a time: the index (4 bytes per separator) then stays in the CPU's caches. */
const INDEX_WINDOW = 1 << 18;

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
  i32: Int32Array = EMPTY_I32;
  f64: Float64Array = EMPTY_F64;
  u8: Uint8Array = EMPTY_U8;
  valid: Uint8Array = EMPTY_U8;
  offsets: Int32Array = EMPTY_I32;
  data: Buffer = EMPTY_BUF;
  used = 0;
  nulls = 0;
  other: unknown[] = [];
  // K_DICT: row indices in i32; the distinct values in offsets/data/used; an open-addressing hash table.
  dictCount = 0;
  slots: Int32Array = EMPTY_I32;
  hashes: Int32Array = EMPTY_I32;
  scratch: Uint8Array = EMPTY_U8;
  /** The field that failed to parse in row badRow (for the FAILFAST message). */
  badRow = -1;
  badStart = 0;
  badEnd = 0;
  badFlags = 0;
  constructor(
    /** K_DICT turns into K_STRING (for the rest of the split) when the values look mostly distinct. */
    public kind: number,
    /** Index of the field in the file's records; -1 for the corrupt-record column. */
    readonly src: number,
    readonly field: StructField,
    readonly convert: ((text: string) => unknown) | null,
  ) {}

  /** Fresh arrays for the next batch (not zero-filled: every slot of a row is written, nulls included). */
  reset(): void {
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
        if (this.data.length === 0) this.data = Buffer.allocUnsafeSlow(1 << 20);
        else this.data = Buffer.allocUnsafeSlow(this.data.length);
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
  addEntry(src: Uint8Array, s: number, e: number, h: number, slot: number): number {
    const id = this.dictCount++;
    const len = e - s;
    if (this.used + len > this.data.length) this.growData(this.used + len);
    const dst = this.data;
    let u = this.used;
    for (let i = s; i < e; i++) dst[u++] = src[i]!;
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
        let j = this.hashes[k]! & mask;
        while (slots[j] !== 0) j = (j + 1) & mask;
        slots[j] = k + 1;
      }
      this.slots = slots;
    }
    return id;
  }

  /** Turns a dictionary column into plain offsets for its first `rows` rows; it stays plain afterwards. */
  toPlain(rows: number): void {
    const offsets = new Int32Array(uninit(4 * (BATCH_ROWS + 1)));
    offsets[0] = 0;
    const dOff = this.offsets;
    let size = 0;
    for (let i = 0; i < rows; i++) if (this.valid[i]) size += dOff[this.i32[i]! + 1]! - dOff[this.i32[i]!]!;
    const data = Buffer.allocUnsafeSlow(Math.max(1 << 20, size * 2));
    const dict = this.data;
    let u = 0;
    for (let i = 0; i < rows; i++) {
      if (this.valid[i]) {
        const id = this.i32[i]!;
        for (let k = dOff[id]!; k < dOff[id + 1]!; k++) data[u++] = dict[k]!;
      }
      offsets[i + 1] = u;
    }
    this.offsets = offsets;
    this.data = data;
    this.used = u;
    this.kind = K_STRING;
  }

  growData(need: number): void {
    let n = this.data.length * 2;
    while (n < need) n *= 2;
    const b = Buffer.allocUnsafeSlow(n);
    this.data.copy(b, 0, 0, this.used);
    this.data = b;
  }

  finish(n: number): arrow.Data {
    const type = this.field.dataType.toArrow();
    const validity = () => (this.nulls ? { nullCount: this.nulls, nullBitmap: packBits(this.valid, n) } : { nullCount: 0 });
    switch (this.kind) {
      case K_INT:
        return arrow.makeData({ type: type as arrow.Int32, length: n, data: this.i32.subarray(0, n), ...validity() });
      case K_LONG:
        return arrow.makeData({ type: type as arrow.Int64, length: n, data: new BigInt64Array(this.i32.buffer, 0, n), ...validity() });
      case K_DOUBLE:
        return arrow.makeData({ type: type as arrow.Float64, length: n, data: this.f64.subarray(0, n), ...validity() });
      case K_BOOL:
        return arrow.makeData({ type: type as arrow.Bool, length: n, data: packBits(this.u8, n), ...validity() });
      case K_STRING:
        return arrow.makeData({
          type: type as arrow.Utf8,
          length: n,
          valueOffsets: this.offsets.subarray(0, n + 1),
          data: new Uint8Array(this.data.buffer, this.data.byteOffset, this.used),
          ...validity(),
        });
      case K_DICT: {
        const dictionary = arrow.makeVector(
          arrow.makeData({
            type: new arrow.Utf8(),
            length: this.dictCount,
            nullCount: 0,
            valueOffsets: this.offsets.subarray(0, this.dictCount + 1),
            data: new Uint8Array(this.data.buffer, this.data.byteOffset, this.used),
          }),
        );
        const dtype = new arrow.Dictionary(new arrow.Utf8(), new arrow.Int32());
        return arrow.makeData({ type: dtype, length: n, data: this.i32.subarray(0, n), dictionary, ...validity() });
      }
      default: {
        const b = makeColumnBuilder(this.field.dataType);
        for (let i = 0; i < n; i++) b.append(this.other[i]);
        return b.finish();
      }
    }
  }
}

/** An ArrayBuffer of n bytes that is not zero-filled. */
const uninit = (n: number): ArrayBuffer => Buffer.allocUnsafeSlow(n).buffer as ArrayBuffer;

const EMPTY_I32 = new Int32Array(0);
const EMPTY_F64 = new Float64Array(0);
const EMPTY_U8 = new Uint8Array(0);
const EMPTY_BUF = Buffer.alloc(0);

function converter(t: DataType, o: CsvOptions): (text: string) => unknown {
  const fail = () => {
    parseState.failed = true;
    return null;
  };
  if (t instanceof DecimalType) return (s) => parseDecimalText(s, t.precision, t.scale) ?? fail();
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
        if (!/^[+-]?\d+$/.test(s)) return fail();
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

function kindOf(t: DataType): number {
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
export function dataFields(schema: StructType, o: CsvOptions): StructField[] {
  return schema.fields.filter((f) => f.name !== o.corruptColumn);
}

function findField(fields: StructField[], name: string): number {
  const i = fields.findIndex((f) => f.name === name);
  if (i >= 0) return i;
  const lower = name.toLowerCase();
  return fields.findIndex((f) => f.name.toLowerCase() === lower);
}

/**
 * Reads one split of a CSV file into record batches of the requested columns. Only those columns are converted;
 * the rest are only scanned past. Records are lines (each split owns the lines that start in it) unless
 * multiLine is set, when the whole file is one split and quoted values may hold newlines.
 */
export function* readCsvSplit(split: FileSplit, schema: StructType, columns: string[], o: CsvOptions): Generator<arrow.RecordBatch> {
  const r = new CsvSplitReader(split, schema, columns, o);
  const chunks: Iterable<LineChunk> = o.multiLine ? wholeFileChunk(split.path) : lineChunks(split);
  for (const chunk of chunks) {
    r.startChunk(chunk);
    while (r.fill()) yield r.flush();
  }
  if (r.n > 0) yield r.flush();
}

/** The state of one split's read. `fill` runs the hot loops; it is not a generator so V8 optimizes it fully. */
class CsvSplitReader {
  readonly cols: Col[];
  private readonly outFields: StructField[];
  private readonly nData: number;
  private readonly nCols: number;
  private readonly nOut: number;
  private readonly hasCorrupt: boolean;
  private readonly cfg: ScanConfig;
  private readonly F = new Fields();
  private readonly nullBytes: Uint8Array;
  private readonly nullLen: number;
  private skipHeader: boolean;
  n = 0;
  // Line numbers for error messages: lines consumed in this split, plus the newlines before it (counted lazily).
  private firstOffset = -1;
  private linesSeen = 0;
  // current chunk
  private buf: Buffer = EMPTY_BUF;
  private pos = 0;
  private limit = 0;
  private fast = false;
  // Fast chunks are indexed a window at a time (so the index stays in cache): `idx` holds the window's separator
  // and newline positions (see indexStructural), `lines[li]` the index in idx of the next record's newline, and
  // `k` the index in idx of the next record's first entry.
  private idx = new Int32Array(0);
  private lines = new Int32Array(0);
  private nLines = 0;
  private li = 0;
  private k = 0;
  /** PERMISSIVE without a corrupt record column: a bad field is just null, so batches fill column by column. */
  private readonly columnar: boolean;
  // The records of the batch being filled column by column: where each starts, its first idx entry, its field count.
  private rowStart = EMPTY_I32;
  private rowK0 = EMPTY_I32;
  private rowCount = EMPTY_I32;

  constructor(
    private readonly split: FileSplit,
    schema: StructType,
    columns: string[],
    private readonly o: CsvOptions,
  ) {
    const fileFields = dataFields(schema, o);
    this.nData = fileFields.length;
    this.cols = columns.map((name) => {
      if (name === o.corruptColumn && schema.fields.some((f) => f.name === name)) {
        const f = schema.fields.find((x) => x.name === name)!;
        if (f.dataType !== StringType) {
          throw new SourceError('INVALID_OPTION', `The corrupt record column '${name}' must be of type string, not ${f.dataType.simpleString()}.`);
        }
        return new Col(K_CORRUPT, -1, f, null);
      }
      const i = findField(fileFields, name);
      if (i < 0) throw new SourceError('COLUMN_NOT_FOUND', `Column '${name}' is not in the CSV schema (${fileFields.map((f) => f.name).join(', ')}).`);
      const f = fileFields[i]!;
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
    this.columnar = o.mode === 'PERMISSIVE' && !this.hasCorrupt;
    for (const c of this.cols) c.reset();
  }

  startChunk(chunk: LineChunk): void {
    this.buf = chunk.buf;
    this.pos = chunk.from;
    this.limit = chunk.to;
    if (this.firstOffset < 0) this.firstOffset = chunk.fileOffset;
    // Fast path: a chunk of lines without any quote character is tokenized by a structural index of its
    // separators and newlines, built four bytes at a time.
    this.fast = false;
    this.nLines = 0;
    this.li = 0;
    this.k = 0;
    if (!this.o.multiLine) {
      const q = this.o.quote < 0 ? -1 : this.buf.subarray(this.pos, this.limit).indexOf(this.o.quote);
      this.fast = q === -1;
    }
  }

  /** Indexes the next window of whole lines of the chunk, from this.pos. */
  private indexWindow(): void {
    const buf = this.buf;
    const from = this.pos;
    let to = this.limit;
    if (to - from > INDEX_WINDOW) {
      to = buf.lastIndexOf(NL, from + INDEX_WINDOW - 1) + 1;
      if (to <= from) to = buf.indexOf(NL, from + INDEX_WINDOW) + 1; // one line longer than the window
    }
    const need = to - from + 1;
    if (this.idx.length < need) {
      this.idx = new Int32Array(Math.max(need, INDEX_WINDOW + 1));
      this.lines = new Int32Array(Math.max(need, INDEX_WINDOW + 1));
    }
    this.nLines = indexStructural(buf, from, to, this.o.sep, this.idx, this.lines);
    this.li = 0;
    this.k = 0;
  }
  flush(): arrow.RecordBatch {
    const n = this.n;
    const datas = this.cols.slice(0, this.nOut).map((c) => c.finish(n));
    const b = makeBatch(this.outFields, datas, n);
    this.n = 0;
    for (const c of this.cols) c.reset();
    return b;
  }

  private lineNumber(): number {
    return (this.firstOffset > 0 ? countNewlinesBefore(this.split.path, this.firstOffset) : 0) + this.linesSeen + 1;
  }

  /** Reads records of the current chunk until the batch is full (true) or the chunk is done (false). */
  fill(): boolean {
    if (!this.fast) return this.fillSlow();
    return this.columnar ? this.fillColumnar() : this.fillFast();
  }

  /** A fast chunk, record by record (modes in which a bad record is dropped, fails the read or is kept as text). */
  private fillFast(): boolean {
    const buf = this.buf;
    const cols = this.cols;
    const nCols = this.nCols;
    const comment = this.o.comment;
    for (;;) {
      if (this.li === this.nLines) {
        if (this.pos >= this.limit) return false;
        this.indexWindow();
      }
      const idx = this.idx;
      const kNL = this.lines[this.li++]!;
      const k0 = this.k;
      const recStart = this.pos;
      const pos = ~idx[kNL]! + 1;
      this.pos = pos;
      this.k = kNL + 1;
      const c0 = buf[recStart]!;
      if ((c0 <= 32 && blankLine(buf, recStart)) || c0 === comment) {
        this.linesSeen++;
        continue;
      }
      if (this.skipHeader) {
        this.skipHeader = false;
        this.linesSeen++;
        continue;
      }
      const count = kNL - k0 + 1;
      let bad = count !== this.nData;
      for (let j = 0; j < nCols; j++) {
        const col = cols[j]!;
        const src = col.src;
        if (src < 0) continue;
        if (src >= count) {
          this.putNull(col);
          continue;
        }
        const s = src === 0 ? recStart : idx[k0 + src - 1]! + 1;
        let e = idx[k0 + src]!;
        if (e < 0) {
          e = ~e;
          if (e > s && buf[e - 1] === CR) e--;
        }
        if (!this.put(col, buf, s, e, 0)) bad = true;
      }
      if (bad ? this.endBadRow(count, recStart, pos, 0) : this.endRow()) return true;
    }
  }

  /**
   * A fast chunk in PERMISSIVE mode: first the records of (up to) a batch are located, then each column is
   * filled in a loop of its own over them (one kind of value per loop, so each stays small and monomorphic).
   */
  private fillColumnar(): boolean {
    for (;;) {
      if (this.li === this.nLines) {
        if (this.pos >= this.limit) return false;
        this.indexWindow();
      }
      const n0 = this.n;
      const n = this.locateRecords();
      if (n > n0) {
        for (let j = 0; j < this.nCols; j++) this.fillColumn(this.cols[j]!, n0, n);
        this.linesSeen += n - n0;
        this.n = n;
      }
      if (n === BATCH_ROWS) return true;
    }
  }

  /**
   * Locates the next records of the indexed window (until it or the batch ends) in rowStart/rowK0/rowCount, from
   * row this.n on; skips blank lines, comments and the header. Returns the row count then reached.
   */
  private locateRecords(): number {
    if (this.rowStart.length === 0) {
      this.rowStart = new Int32Array(BATCH_ROWS);
      this.rowK0 = new Int32Array(BATCH_ROWS);
      this.rowCount = new Int32Array(BATCH_ROWS);
    }
    const buf = this.buf;
    const comment = this.o.comment;
    const idx = this.idx;
    const lines = this.lines;
    const nLines = this.nLines;
    const rowStart = this.rowStart;
    const rowK0 = this.rowK0;
    const rowCount = this.rowCount;
    let n = this.n;
    let li = this.li;
    let k = this.k;
    let pos = this.pos;
    while (li < nLines && n < BATCH_ROWS) {
      const kNL = lines[li++]!;
      const recStart = pos;
      pos = ~idx[kNL]! + 1;
      const k0 = k;
      k = kNL + 1;
      const c0 = buf[recStart]!;
      if ((c0 <= 32 && blankLine(buf, recStart)) || c0 === comment) {
        this.linesSeen++;
        continue;
      }
      if (this.skipHeader) {
        this.skipHeader = false;
        this.linesSeen++;
        continue;
      }
      rowStart[n] = recStart;
      rowK0[n] = k0;
      rowCount[n] = kNL - k0 + 1;
      n++;
    }
    this.li = li;
    this.k = k;
    this.pos = pos;
    return n;
  }

  /** Rows [r0, r1) of one column, from the located records. */
  private fillColumn(col: Col, r0: number, r1: number): void {
    let r = r0;
    while (r < r1) {
      switch (col.kind) {
        case K_INT:
          r = this.intRows(col, r, r1);
          break;
        case K_DOUBLE:
          r = this.doubleRows(col, r, r1);
          break;
        case K_DICT:
          r = this.dictRows(col, r, r1);
          break;
        case K_STRING:
          r = this.stringRows(col, r, r1);
          break;
        default:
          r = this.genericRows(col, r, r1);
      }
    }
  }

  /** Field bounds of column `src` in located record r: start in fieldStart, end returned; -1 when the record is too short. */
  private fieldStart = 0;

  private fieldEnd(src: number, r: number): number {
    if (src >= this.rowCount[r]!) return -1;
    const idx = this.idx;
    const k0 = this.rowK0[r]!;
    const s = src === 0 ? this.rowStart[r]! : idx[k0 + src - 1]! + 1;
    let e = idx[k0 + src]!;
    if (e < 0) {
      e = ~e;
      if (e > s && this.buf[e - 1] === CR) e--;
    }
    this.fieldStart = s;
    return e;
  }

  /** Whether buf[s, e) is a null: empty, or equal to nullValue. */
  private isNull(s: number, e: number): boolean {
    return e === s || (e - s === this.nullLen && bytesEq(this.buf, s, this.nullBytes, this.nullLen));
  }

  private intRows(col: Col, r0: number, r1: number): number {
    const buf = this.buf;
    const i32 = col.i32;
    const valid = col.valid;
    const src = col.src;
    for (let r = r0; r < r1; r++) {
      const e = this.fieldEnd(src, r);
      const s = this.fieldStart;
      if (e >= 0 && !this.isNull(s, e)) {
        parseState.failed = false;
        const v = parseIntBytes(buf, s, e);
        if (!parseState.failed) {
          i32[r] = v;
          valid[r] = 1;
          continue;
        }
      }
      i32[r] = 0;
      valid[r] = 0;
      col.nulls++;
    }
    return r1;
  }

  private doubleRows(col: Col, r0: number, r1: number): number {
    const buf = this.buf;
    const f64 = col.f64;
    const valid = col.valid;
    const src = col.src;
    const o = this.o;
    for (let r = r0; r < r1; r++) {
      const e = this.fieldEnd(src, r);
      const s = this.fieldStart;
      if (e >= 0 && !this.isNull(s, e)) {
        parseState.failed = false;
        const v = parseDoubleBytes(buf, s, e, o);
        if (!parseState.failed) {
          f64[r] = v;
          valid[r] = 1;
          continue;
        }
      }
      f64[r] = 0;
      valid[r] = 0;
      col.nulls++;
    }
    return r1;
  }

  private stringRows(col: Col, r0: number, r1: number): number {
    const buf = this.buf;
    const valid = col.valid;
    const offsets = col.offsets;
    const src = col.src;
    for (let r = r0; r < r1; r++) {
      const e = this.fieldEnd(src, r);
      const s = this.fieldStart;
      let used = col.used;
      if (e >= 0 && !this.isNull(s, e)) {
        if (used + (e - s) > col.data.length) col.growData(used + (e - s));
        const dst = col.data;
        if (e - s < 24) for (let i = s; i < e; i++) dst[used++] = buf[i]!;
        else {
          buf.copy(dst, used, s, e);
          used += e - s;
        }
        col.used = used;
        valid[r] = 1;
      } else {
        valid[r] = 0;
        col.nulls++;
      }
      offsets[r + 1] = used;
    }
    return r1;
  }

  /** Dictionary codes; stops early (returning the next row) when the dictionary gives up and the column turns plain. */
  private dictRows(col: Col, r0: number, r1: number): number {
    const buf = this.buf;
    const src = col.src;
    for (let r = r0; r < r1; r++) {
      const e = this.fieldEnd(src, r);
      const s = this.fieldStart;
      if (e < 0 || this.isNull(s, e)) {
        col.i32[r] = 0;
        col.valid[r] = 0;
        col.nulls++;
        continue;
      }
      col.i32[r] = dictCode(col, buf, s, e);
      col.valid[r] = 1;
      if (col.dictCount > DICT_MIN_GIVE_UP && col.dictCount * 2 > r + 1) {
        col.toPlain(r + 1);
        return r + 1;
      }
    }
    return r1;
  }

  /** Other types, one value at a time through put (which writes row this.n). */
  private genericRows(col: Col, r0: number, r1: number): number {
    const n = this.n;
    for (let r = r0; r < r1; r++) {
      this.n = r;
      const e = this.fieldEnd(col.src, r);
      if (e < 0) this.putNull(col);
      else this.put(col, this.buf, this.fieldStart, e, 0);
    }
    this.n = n;
    return r1;
  }

  private fillSlow(): boolean {
    const buf = this.buf;
    const limit = this.limit;
    const cols = this.cols;
    const nCols = this.nCols;
    const comment = this.o.comment;
    const F = this.F;
    const cfg = this.cfg;
    let pos = this.pos;
    while (pos < limit) {
      const c0 = buf[pos]!;
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
        const col = cols[j]!;
        const src = col.src;
        if (src < 0) continue;
        if (src >= count) this.putNull(col);
        else if (!this.put(col, buf, F.starts[src]!, F.ends[src]!, F.flags[src]!)) bad = true;
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
  private putNull(col: Col): void {
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
  private put(col: Col, buf: Buffer, s: number, e: number, fl: number): boolean {
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
        if (used + (e - s) > col.data.length) col.growData(used + (e - s));
        const dst = col.data;
        if (fl & UNESCAPE) used = unescapeInto(buf, s, e, this.cfg.quote, this.cfg.escape, dst, used);
        else if (e - s < 24) for (let i = s; i < e; i++) dst[used++] = buf[i]!;
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
        let src: Uint8Array = buf;
        let ss = s;
        let ee = e;
        if (fl & UNESCAPE) {
          if (col.scratch.length < e - s) col.scratch = new Uint8Array(Math.max(256, 2 * (e - s)));
          ee = unescapeInto(buf, s, e, this.cfg.quote, this.cfg.escape, col.scratch, 0);
          ss = 0;
          src = col.scratch;
        }
        col.i32[n] = dictCode(col, src, ss, ee);
        col.valid[n] = 1;
        if (col.dictCount > DICT_MIN_GIVE_UP && col.dictCount * 2 > n + 1) col.toPlain(n + 1);
        return true;
      }
      case K_INT: {
        parseState.failed = false;
        const v = fl ? parseIntText(buf, s, e, fl, this.cfg) : parseIntBytes(buf, s, e);
        if (parseState.failed) break;
        col.i32[n] = v;
        col.valid[n] = 1;
        return true;
      }
      case K_LONG: {
        parseState.failed = false;
        const v = fl ? parseLongText(buf, s, e, fl, this.cfg) : parseLongBytes(buf, s, e);
        if (parseState.failed) break;
        if (typeof v === 'number') {
          const hi = Math.floor(v / 4294967296);
          col.i32[2 * n] = v - hi * 4294967296;
          col.i32[2 * n + 1] = hi;
        } else setInt64(col.i32, n, v);
        col.valid[n] = 1;
        return true;
      }
      case K_DOUBLE: {
        parseState.failed = false;
        const v = fl ? parseDoubleText(fieldText(buf, s, e, fl, this.cfg), this.o) : parseDoubleBytes(buf, s, e, this.o);
        if (parseState.failed) break;
        col.f64[n] = v;
        col.valid[n] = 1;
        return true;
      }
      case K_BOOL: {
        parseState.failed = false;
        const v = fl ? parseBoolText(fieldText(buf, s, e, fl, this.cfg)) : parseBoolBytes(buf, s, e);
        if (parseState.failed) break;
        col.u8[n] = v ? 1 : 0;
        col.valid[n] = 1;
        return true;
      }
      default: {
        parseState.failed = false;
        const v = col.convert!(fieldText(buf, s, e, fl, this.cfg));
        if (parseState.failed) break;
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
  private endRow(innerLines = 0): boolean {
    if (this.hasCorrupt) for (const col of this.cols) if (col.kind === K_CORRUPT) col.other[this.n] = null;
    this.linesSeen += 1 + innerLines;
    return ++this.n === BATCH_ROWS;
  }

  /** A malformed row (wrong field count or a value that does not parse), handled per the parse mode. */
  private endBadRow(count: number, recStart: number, recEnd: number, innerLines: number): boolean {
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
    for (const col of this.cols) col.badRow = -1;
    if (this.o.mode === 'DROPMALFORMED') {
      // Forget the row: the next row overwrites its slots.
      for (const col of this.cols) {
        if (col.kind === K_STRING) col.used = col.offsets[n]!;
        if (col.src >= 0 && col.valid[n] === 0) col.nulls--;
      }
      this.linesSeen += 1 + innerLines;
      return false;
    }
    if (this.hasCorrupt) {
      let end = recEnd - 1;
      if (end > recStart && buf[end - 1] === CR) end--;
      const raw = buf.toString('utf8', recStart, end);
      for (const col of this.cols) if (col.kind === K_CORRUPT) col.other[n] = raw;
    }
    this.linesSeen += 1 + innerLines;
    return ++this.n === BATCH_ROWS;
  }
}

/** The dictionary code of the string src[s, e) in a K_DICT column (added when new). */
function dictCode(col: Col, src: Uint8Array, s: number, e: number): number {
  let h = 0x811c9dc5 ^ (e - s);
  for (let i = s; i < e; i++) h = Math.imul(h ^ src[i]!, 0x01000193);
  const slots = col.slots;
  const mask = slots.length - 1;
  let slot = h & mask;
  for (;;) {
    const ent = slots[slot]!;
    if (ent === 0) return col.addEntry(src, s, e, h, slot);
    if (col.hashes[ent - 1] === h) {
      const a = col.offsets[ent - 1]!;
      if (col.offsets[ent]! - a === e - s) {
        const d = col.data;
        let k = 0;
        while (k < e - s && d[a + k] === src[s + k]) k++;
        if (k === e - s) return ent - 1;
      }
    }
    slot = (slot + 1) & mask;
  }
}

function bytesEq(buf: Uint8Array, s: number, b: Uint8Array, len: number): boolean {
  for (let i = 0; i < len; i++) if (buf[s + i] !== b[i]) return false;
  return true;
}

function* wholeFileChunk(path: string): Generator<LineChunk> {
  let buf = readWholeFile(path);
  if (buf.length === 0) return;
  if (buf[buf.length - 1] !== NL) buf = Buffer.concat([buf, Buffer.from([NL])]);
  yield { buf, from: 0, to: buf.length, fileOffset: 0 };
}

function parseIntText(buf: Buffer, s: number, e: number, fl: number, cfg: ScanConfig): number {
  const b = Buffer.from(fieldText(buf, s, e, fl, cfg));
  return parseIntBytes(b, 0, b.length);
}

function parseLongText(buf: Buffer, s: number, e: number, fl: number, cfg: ScanConfig): number | bigint {
  const b = Buffer.from(fieldText(buf, s, e, fl, cfg));
  return parseLongBytes(b, 0, b.length);
}

function parseBoolText(t: string): boolean {
  const l = t.toLowerCase();
  if (l === 'true') return true;
  if (l !== 'false') parseState.failed = true;
  return false;
}

