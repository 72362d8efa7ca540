import { closeSync, openSync, readSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as arrow from 'apache-arrow';
import type { FileFormat, FileSplit, SourceOptions } from '../file-source.js';
import {
  ArrayType,
  BinaryType,
  type DataType,
  DecimalType,
  FloatType,
  IntegerType,
  LongType,
  MapType,
  ShortType,
  StringType,
  StructField,
  StructType,
  TimestampType,
  DateType,
  fromArrow,
} from '../../types/data-types.js';
import { makeBatch, makeColumnBuilder } from '../columns.js';
import { SourceError } from '../errors.js';
import { Options } from '../options.js';
import { MAX_SPLIT_BYTES } from '../splits.js';
import { readerFor } from '../values.js';
import { compactFile, readFooter, type ParquetFooter } from './metadata.js';

export { readFooter } from './metadata.js';

type ParquetWasm = typeof import('parquet-wasm');
let pwModule: ParquetWasm | null = null;

/** parquet-wasm, loaded on first use (its WebAssembly module is 15 MB; plans without Parquet never pay for it). */
export function parquetWasm(): ParquetWasm {
  if (!pwModule) pwModule = createRequire(import.meta.url)('parquet-wasm') as ParquetWasm;
  return pwModule;
}

const BATCH_ROWS = 65536;

/** The Spark type of an Arrow type as Parquet readers produce it (unsigned ints widen, all timestamps → timestamp). */
export function sparkTypeOf(t: arrow.DataType): DataType {
  if (arrow.DataType.isInt(t) && !t.isSigned) {
    return t.bitWidth === 8 ? ShortType : t.bitWidth === 16 ? IntegerType : t.bitWidth === 32 ? LongType : new DecimalType(20, 0);
  }
  if (arrow.DataType.isFloat(t) && t.precision === arrow.Precision.HALF) return FloatType;
  if (arrow.DataType.isTimestamp(t)) return TimestampType;
  if (arrow.DataType.isDate(t)) return DateType;
  if (arrow.DataType.isDictionary(t)) return sparkTypeOf(t.dictionary);
  if (arrow.DataType.isFixedSizeBinary(t)) return BinaryType;
  if (t.typeId === arrow.Type.Utf8View || t.typeId === arrow.Type.LargeUtf8) return StringType;
  if (t.typeId === arrow.Type.BinaryView || t.typeId === arrow.Type.LargeBinary) return BinaryType;
  if (arrow.DataType.isList(t) || t.typeId === arrow.Type.LargeList || arrow.DataType.isFixedSizeList(t)) {
    const child = t.children[0]!;
    return new ArrayType(sparkTypeOf(child.type), child.nullable);
  }
  if (arrow.DataType.isMap(t)) {
    const entries = t.children[0]!.type as arrow.Struct;
    return new MapType(sparkTypeOf(entries.children[0]!.type), sparkTypeOf(entries.children[1]!.type), entries.children[1]!.nullable);
  }
  if (arrow.DataType.isStruct(t)) return new StructType(t.children.map((f) => new StructField(f.name, sparkTypeOf(f.type), f.nullable)));
  if (t.typeId === arrow.Type.Time) return LongType;
  return fromArrow(t);
}

/**
 * True when `data` already has the memory layout of `target` (names, time zones and nullability may differ), so
 * it can be relabelled instead of converted value by value.
 */
function sameLayout(a: arrow.DataType, b: arrow.DataType): boolean {
  if (a.typeId !== b.typeId) return false;
  if (arrow.DataType.isInt(a)) return a.bitWidth === (b as arrow.Int).bitWidth && a.isSigned === (b as arrow.Int).isSigned;
  if (arrow.DataType.isFloat(a)) return a.precision === (b as arrow.Float).precision;
  if (arrow.DataType.isDate(a)) return a.unit === (b as arrow.Date_).unit;
  if (arrow.DataType.isTimestamp(a)) return a.unit === (b as arrow.Timestamp).unit;
  if (arrow.DataType.isDecimal(a)) {
    const d = b as arrow.Decimal;
    return a.bitWidth === d.bitWidth && a.scale === d.scale && a.precision === d.precision;
  }
  if (arrow.DataType.isDictionary(a) || arrow.DataType.isUnion(a)) return false;
  if (a.children?.length || b.children?.length) {
    if (a.children.length !== b.children.length) return false;
    return a.children.every((c, i) => sameLayout(c.type, b.children[i]!.type));
  }
  return true;
}

function relabel(data: arrow.Data, target: arrow.DataType): arrow.Data {
  const children = data.children.map((c, i) => relabel(c, target.children[i]!.type));
  return data.clone(target, data.offset, data.length, data.nullCount, undefined, children);
}

/** Converts a column to the Spark type's Arrow layout: relabelled when the layout matches, else value by value. */
export function conformData(data: arrow.Data, type: DataType): arrow.Data {
  const target = type.toArrow();
  if (sameLayout(data.type, target)) return relabel(data, target);
  const read = readerFor(data);
  const b = makeColumnBuilder(type);
  const integral = ['tinyint', 'smallint', 'int', 'bigint'].includes(type.typeName);
  for (let i = 0; i < data.length; i++) {
    const v = read(i);
    b.append(integral && typeof v === 'bigint' && type.typeName !== 'bigint' ? Number(v) : v);
  }
  return b.finish();
}

function compressionOf(options: SourceOptions): number {
  const pw = parquetWasm();
  const name = (new Options(options).get('compression') ?? new Options(options).get('codec') ?? 'snappy').toLowerCase();
  const table: Record<string, number> = {
    none: pw.Compression.UNCOMPRESSED,
    uncompressed: pw.Compression.UNCOMPRESSED,
    snappy: pw.Compression.SNAPPY,
    gzip: pw.Compression.GZIP,
    brotli: pw.Compression.BROTLI,
    lz4: pw.Compression.LZ4_RAW,
    lz4_raw: pw.Compression.LZ4_RAW,
    zstd: pw.Compression.ZSTD,
  };
  const c = table[name];
  if (c === undefined) {
    throw new SourceError('INVALID_OPTION', `Unknown Parquet compression '${name}'; use one of ${Object.keys(table).join(', ')}.`);
  }
  return c;
}

/** The extension Spark gives Parquet part files for a compression codec (".snappy.parquet"). */
export function parquetExtension(options: SourceOptions): string {
  const name = (new Options(options).get('compression') ?? 'snappy').toLowerCase();
  return name === 'none' || name === 'uncompressed' ? '.parquet' : `.${name === 'lz4_raw' ? 'lz4raw' : name}.parquet`;
}

/** Writes record batches (all of one schema) to a Parquet file. */
export function writeParquetFile(path: string, schema: StructType, batches: arrow.RecordBatch[], options: SourceOptions): void {
  const pw = parquetWasm();
  const table = batches.length ? new arrow.Table(batches) : new arrow.Table(schema.toArrowSchema());
  const wasmTable = pw.Table.fromIPCStream(arrow.tableToIPC(table, 'stream'));
  const props = new pw.WriterPropertiesBuilder().setCompression(compressionOf(options)).setCreatedBy('kindling').build();
  const bytes = pw.writeParquet(wasmTable, props);
  writeFileSync(path, bytes);
}

/** The Spark schema stored in a Parquet file (via the Arrow schema the Parquet library derives from it). */
function fileSchema(path: string, footer: ParquetFooter): StructType {
  const pw = parquetWasm();
  const fd = openSync(path, 'r');
  try {
    const tail = Buffer.alloc(footer.fileSize - footer.footerStart);
    readSync(fd, tail, 0, tail.length, footer.footerStart);
    const s = arrow.tableFromIPC(pw.readSchema(tail).intoIPCStream()).schema;
    return new StructType(s.fields.map((f) => new StructField(f.name, sparkTypeOf(f.type), true)));
  } finally {
    closeSync(fd);
  }
}

/** Reads the row groups of a split (those whose midpoint lies in the split's byte range), requested columns only. */
function* readParquetSplit(split: FileSplit, schema: StructType, columns: string[]): Generator<arrow.RecordBatch> {
  const footer = readFooter(split.path);
  const end = split.start + split.length;
  const groups = footer.rowGroups.filter((g) => {
    const mid = g.start + g.length / 2;
    return mid >= split.start && mid < end;
  });
  if (!groups.length) return;
  const outFields = columns.map((name) => {
    const f = schema.fields.find((x) => x.name === name) ?? schema.fields.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!f) throw new SourceError('COLUMN_NOT_FOUND', `Column '${name}' is not in the Parquet schema (${schema.fieldNames.join(', ')}).`);
    return new StructField(name, f.dataType, f.nullable);
  });
  // Match requested names to the file's top-level columns (case-insensitively, as Spark does by default).
  const inFile = new Map<string, string>();
  for (const c of groups[0]!.chunks) inFile.set(c.column.toLowerCase(), c.column);
  const fileNames = columns.map((c) => inFile.get(c.toLowerCase()) ?? null);
  const wanted = [...new Set(fileNames.filter((n): n is string => n !== null))];
  const totalRows = groups.reduce((s, g) => s + g.numRows, 0);

  if (!wanted.length) {
    // No column of the file is needed (a count, or columns missing from this file): only row counts.
    for (let done = 0; done < totalRows; ) {
      const n = Math.min(BATCH_ROWS, totalRows - done);
      yield makeBatch(outFields, outFields.map((f) => nullColumn(f.dataType, n)), n);
      done += n;
    }
    return;
  }

  // Decoded a few row groups at a time: the decoder's WebAssembly memory grows to the largest run it decodes and
  // never shrinks, so a whole split at once (32 MB of Parquet, ~100 MB and more decoded) set each worker's peak.
  const pw = parquetWasm();
  const wantedSet = new Set(wanted);
  for (const run of rowGroupRuns(groups)) {
    // A small Parquet file of just these row groups and columns: only their bytes are read, and the decoder
    // (whose synchronous reader cannot project columns) decodes only what is needed.
    const bytes = compactFile(split.path, footer, run.map((g) => g.index), wantedSet);
    const table = pw.readParquet(bytes, { batchSize: BATCH_ROWS });
    const at = arrow.tableFromIPC(table.intoIPCStream());
    for (const batch of at.batches) {
      const n = batch.numRows;
      const datas = outFields.map((f, j) => {
        const src = fileNames[j];
        const k = src === null ? -1 : batch.schema.fields.findIndex((x) => x.name === src);
        return k < 0 ? nullColumn(f.dataType, n) : conformData(batch.data.children[k]!, f.dataType);
      });
      yield makeBatch(outFields, datas, n);
    }
  }
}

/** Consecutive row groups in runs of about BATCH_ROWS rows or more each (a row group is never cut). */
function rowGroupRuns<G extends { numRows: number }>(groups: G[]): G[][] {
  const runs: G[][] = [];
  let cur: G[] = [];
  let rows = 0;
  for (const g of groups) {
    cur.push(g);
    rows += g.numRows;
    if (rows >= BATCH_ROWS) {
      runs.push(cur);
      cur = [];
      rows = 0;
    }
  }
  if (cur.length) runs.push(cur);
  return runs;
}

function nullColumn(type: DataType, n: number): arrow.Data {
  const b = makeColumnBuilder(type);
  for (let i = 0; i < n; i++) b.appendNull();
  return b.finish();
}

/** Spark's Parquet data source on parquet-wasm (arrow-rs compiled to WebAssembly). */
export const parquetFormat: FileFormat = {
  name: 'parquet',

  /** One split per run of row groups of about the target size; a row group is never cut. */
  planSplits(files, _options, minPartitions): FileSplit[] {
    const total = files.reduce((s, f) => s + f.size, 0);
    const parts = Math.max(1, minPartitions);
    let target = Math.max(1, Math.min(MAX_SPLIT_BYTES, Math.ceil(total / parts)));
    // As for byte-range splits: a number of splits that is a multiple of the parallelism keeps every core busy.
    if (target === MAX_SPLIT_BYTES) target = Math.max(1, Math.ceil(total / (Math.ceil(total / MAX_SPLIT_BYTES / parts) * parts)));
    const splits: FileSplit[] = [];
    for (const f of files) {
      const footer = readFooter(f.path);
      let cur: { start: number; end: number } | null = null;
      for (const g of footer.rowGroups) {
        if (cur && g.start + g.length - cur.start > target) {
          splits.push({ index: splits.length, path: f.path, start: cur.start, length: cur.end - cur.start });
          cur = null;
        }
        cur = cur ? { start: cur.start, end: g.start + g.length } : { start: g.start, end: g.start + g.length };
      }
      if (cur) splits.push({ index: splits.length, path: f.path, start: cur.start, length: Math.max(1, cur.end - cur.start) });
    }
    return splits;
  },

  /** The schema of the first file (Spark's default without mergeSchema). */
  inferSchema(files, options): StructType {
    if (!files.length) return new StructType([]);
    if (new Options(options).bool('mergeSchema', false)) {
      const fields: StructField[] = [];
      for (const f of files) {
        for (const field of fileSchema(f.path, readFooter(f.path)).fields) {
          if (!fields.some((x) => x.name === field.name)) fields.push(field);
        }
      }
      return new StructType(fields);
    }
    return fileSchema(files[0]!.path, readFooter(files[0]!.path));
  },

  read(split, schema, columns): Iterable<arrow.RecordBatch> {
    return readParquetSplit(split, schema, columns);
  },
};
