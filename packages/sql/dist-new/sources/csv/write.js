import { ArrayType, DecimalType, MapType, StructType } from '../../types/data-types.js';
import { SourceError } from '../errors.js';
import { decimalText, javaDouble, javaFloat, readerFor } from '../values.js';
function formatter(t, o) {
    if (t instanceof DecimalType)
        return (v) => decimalText(v, t.scale);
    if (t instanceof ArrayType || t instanceof StructType || t instanceof MapType) {
        throw new SourceError('UNSUPPORTED_TYPE', `The CSV writer does not support the data type ${t.simpleString()}; use JSON or Parquet.`);
    }
    switch (t.typeName) {
        case 'double':
            return (v) => javaDouble(v);
        case 'float':
            return (v) => javaFloat(v);
        case 'date':
            return (v) => o.dateTime.writeDate.formatDate(v);
        case 'timestamp':
            return (v) => o.dateTime.writeTimestamp.formatTimestamp(v);
        case 'boolean':
            return (v) => (v ? 'true' : 'false');
        case 'binary':
            return (v) => Buffer.from(v).toString('utf8');
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
    fields;
    o;
    fmts;
    sep;
    quote;
    needsQuote;
    quoteRe;
    escapedQuote;
    constructor(fields, o) {
        this.fields = fields;
        this.o = o;
        this.fmts = fields.map((f) => formatter(f.dataType, o));
        this.sep = o.sepChar;
        this.quote = o.quoteChar || '"';
        const esc = (c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const specials = [this.sep, '\n', '\r', ...(o.escapeQuotes ? [this.quote] : []), ...(o.comment >= 0 ? [] : [])];
        this.needsQuote = new RegExp(`[${specials.map(esc).join('')}]`);
        this.quoteRe = this.quote ? new RegExp(esc(this.quote), 'g') : null;
        this.escapedQuote = o.escapeChar + this.quote;
    }
    field(s) {
        const o = this.o;
        if (o.ignoreLeadingWhiteSpace)
            s = s.replace(/^\s+/, '');
        if (o.ignoreTrailingWhiteSpace)
            s = s.replace(/\s+$/, '');
        if (s === '')
            return o.emptyValue;
        if (o.quoteAll || this.needsQuote.test(s)) {
            const body = this.quoteRe && o.escapeQuotes ? s.replace(this.quoteRe, this.escapedQuote) : s;
            return this.quote + body + this.quote;
        }
        return s;
    }
    header() {
        return this.fields.map((f) => this.field(f.name)).join(this.sep) + this.o.lineSep;
    }
    /** The CSV lines of one batch; `columns` are the indexes of the batch columns to write, in order. */
    encode(batch, columns) {
        const readers = columns.map((c) => readerFor(batch.data.children[c]));
        const nullValue = this.o.nullValue;
        const lines = new Array(batch.numRows);
        const row = new Array(columns.length);
        for (let i = 0; i < batch.numRows; i++) {
            for (let j = 0; j < readers.length; j++) {
                const v = readers[j](i);
                row[j] = v === null || v === undefined ? nullValue : this.field(this.fmts[j](v));
            }
            lines[i] = row.join(this.sep);
        }
        return lines.length ? lines.join(this.o.lineSep) + this.o.lineSep : '';
    }
}
//# sourceMappingURL=write.js.map