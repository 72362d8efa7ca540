import type * as arrow from 'apache-arrow';
import { ArrayType, type DataType, DecimalType, MapType, StructType } from '../../types/data-types.js';
import { SourceError } from '../errors.js';
import { decimalText, javaDouble, javaFloat, readerFor } from '../values.js';
import type { CsvOptions } from './options.js';

type Fmt = (v: unknown) => string;

function formatter(t: DataType, o: CsvOptions): Fmt {
  if (t instanceof DecimalType) return (v) => decimalText(v as bigint, t.scale);
  if (t instanceof ArrayType || t instanceof StructType || t instanceof MapType) {
    throw new SourceError('UNSUPPORTED_TYPE', `The CSV writer does not support the data type ${t.simpleString()}; use JSON or Parquet.`);
  }
  switch (t.typeName) {
    case 'double':
      return (v) => javaDouble(v as number);
    case 'float':
      return (v) => javaFloat(v as number);
    case 'date':
      return (v) => o.dateTime.writeDate.formatDate(v as number);
    case 'timestamp':
      return (v) => o.dateTime.writeTimestamp.formatTimestamp(v as number);
    case 'boolean':
      return (v) => (v ? 'true' : 'false');
    case 'binary':
      return (v) => Buffer.from(v as Uint8Array).toString('utf8');
    default:
      return (v) => String(v);
  }
}

/**
 * Formats record batches as CSV text the way Spark's univocity writer does: a value is quoted when it holds the
 * separator, the quote, a newline or (with the defaults) starts or ends with whitespace that would be trimmed;
 * quotes inside are escaped with `escape`; nulls are `nullValue` (default empty) and empty strings `emptyValue`
 * (default `""`).
 */
export class CsvEncoder {
  private readonly fmts: Fmt[];
  private readonly sep: string;
  private readonly quote: string;
  private readonly needsQuote: RegExp;
  private readonly quoteRe: RegExp | null;
  private readonly escapedQuote: string;

  constructor(
    private readonly fields: { name: string; dataType: DataType }[],
    private readonly o: CsvOptions,
  ) {
    this.fmts = fields.map((f) => formatter(f.dataType, o));
    this.sep = o.sepChar;
    this.quote = o.quoteChar || '"';
    const esc = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const specials = [this.sep, '\n', '\r', ...(o.escapeQuotes ? [this.quote] : []), ...(o.comment >= 0 ? [] : [])];
    this.needsQuote = new RegExp(`[${specials.map(esc).join('')}]`);
    this.quoteRe = this.quote ? new RegExp(esc(this.quote), 'g') : null;
    this.escapedQuote = o.escapeChar + this.quote;
  }

  private field(s: string): string {
    const o = this.o;
    if (o.ignoreLeadingWhiteSpace) s = s.replace(/^\s+/, '');
    if (o.ignoreTrailingWhiteSpace) s = s.replace(/\s+$/, '');
    if (s === '') return o.emptyValue;
    if (o.quoteAll || this.needsQuote.test(s)) {
      const body = this.quoteRe && o.escapeQuotes ? s.replace(this.quoteRe, this.escapedQuote) : s;
      return this.quote + body + this.quote;
    }
    return s;
  }

  header(): string {
    return this.fields.map((f) => this.field(f.name)).join(this.sep) + this.o.lineSep;
  }

  /** The CSV lines of one batch; `columns` are the indexes of the batch columns to write, in order. */
  encode(batch: arrow.RecordBatch, columns: number[]): string {
    const readers = columns.map((c) => readerFor(batch.data.children[c]!));
    const nullValue = this.o.nullValue;
    const lines: string[] = new Array(batch.numRows);
    const row: string[] = new Array(columns.length);
    for (let i = 0; i < batch.numRows; i++) {
      for (let j = 0; j < readers.length; j++) {
        const v = readers[j]!(i);
        row[j] = v === null || v === undefined ? nullValue : this.field(this.fmts[j]!(v));
      }
      lines[i] = row.join(this.sep);
    }
    return lines.length ? lines.join(this.o.lineSep) + this.o.lineSep : '';
  }
}
