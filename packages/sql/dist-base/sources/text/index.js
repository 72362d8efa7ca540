import { StringType, StructField, StructType } from '../../types/data-types.js';
import { BytesBuilder, makeBatch } from '../columns.js';
import { SourceError } from '../errors.js';
import { Options } from '../options.js';
import { byteRangeSplits, isCompressed, lineChunks, readWholeFile } from '../splits.js';
const BATCH_ROWS = 65536;
const NL = 0x0a;
const CR = 0x0d;
/** Spark's text source schema: one string column `value`. */
export const TEXT_SCHEMA = new StructType([new StructField('value', StringType, true)]);
function* readTextSplit(split, columns, options) {
    const o = new Options(options);
    for (const c of columns) {
        if (c.toLowerCase() !== 'value')
            throw new SourceError('COLUMN_NOT_FOUND', `The text source has one column, 'value'; '${c}' is not one.`);
    }
    const fields = columns.map((c) => new StructField(c, StringType, true));
    const builders = columns.map(() => new BytesBuilder(StringType));
    let n = 0;
    const flush = () => {
        const b = makeBatch(fields, builders.map((x) => x.finish()), n);
        n = 0;
        return b;
    };
    if (o.bool('wholetext', false)) {
        const buf = readWholeFile(split.path);
        for (const b of builders)
            b.appendBytes(buf, 0, buf.length);
        n = 1;
        yield flush();
        return;
    }
    for (const chunk of lineChunks(split)) {
        const buf = chunk.buf;
        let pos = chunk.from;
        while (pos < chunk.to) {
            const nl = buf.indexOf(NL, pos);
            const end = nl > pos && buf[nl - 1] === CR ? nl - 1 : nl;
            for (const b of builders)
                b.appendBytes(buf, pos, end);
            pos = nl + 1;
            if (++n === BATCH_ROWS)
                yield flush();
        }
    }
    if (n > 0)
        yield flush();
}
/** Spark's text data source: a row per line (or per file with `wholetext`), splittable like any line format. */
export const textFormat = {
    name: 'text',
    planSplits(files, options, minPartitions) {
        const whole = new Options(options).bool('wholetext', false);
        return byteRangeSplits(files, minPartitions, (p) => !whole && !isCompressed(p));
    },
    inferSchema() {
        return TEXT_SCHEMA;
    },
    read(split, _schema, columns, options) {
        return readTextSplit(split, columns, options);
    },
};
/** Formats the single string column of record batches as lines (Spark's text writer). */
export function encodeTextLines(batch, column, lineSep = '\n') {
    const v = batch.getChildAt(column);
    const lines = [];
    for (let i = 0; i < batch.numRows; i++) {
        const s = v.get(i);
        lines.push(s === null ? '' : String(s));
    }
    return lines.length ? lines.join(lineSep) + lineSep : '';
}
//# sourceMappingURL=index.js.map