import { StringType, StructType } from '../../types/data-types.js';
import { byteRangeSplits, isCompressed, lineChunks, readWholeFile } from '../splits.js';
import { csvOptions } from './options.js';
import { CsvTypeInferrer, firstRecord, inferredSchema, safeHeader } from './infer.js';
import { readCsvSplit } from './read.js';
import { blankLine, Fields, NL, scanRecord, skipLine } from './scanner.js';
export { csvOptions } from './options.js';
export { readCsvSplit, BATCH_ROWS } from './read.js';
export { CsvEncoder } from './write.js';
function chunksOfFile(path, size, o) {
    if (o.multiLine || isCompressed(path)) {
        let buf = readWholeFile(path);
        if (buf.length && buf[buf.length - 1] !== NL)
            buf = Buffer.concat([buf, Buffer.from([NL])]);
        return buf.length ? [{ buf, from: 0, to: buf.length, fileOffset: 0 }] : [];
    }
    return lineChunks({ index: 0, path, start: 0, length: size });
}
/** Column names from the first record of the first non-empty file: the header, or _c0, _c1, ... */
function columnNames(files, o, cfg) {
    for (const f of files) {
        for (const chunk of chunksOfFile(f.path, f.size, o)) {
            const rec = firstRecord(chunk.buf.subarray(chunk.from, chunk.to), chunk.to - chunk.from, o, cfg);
            if (rec)
                return o.header ? safeHeader(rec, o.nullValue) : rec.map((_, i) => `_c${i}`);
        }
    }
    return [];
}
/** Spark's CSV data source. */
export const csvFormat = {
    name: 'csv',
    planSplits(files, options, minPartitions) {
        const o = csvOptions(options);
        return byteRangeSplits(files, minPartitions, (p) => !o.multiLine && !isCompressed(p));
    },
    inferSchema(files, options) {
        const o = csvOptions(options);
        const cfg = { sep: o.sep, quote: o.quote, escape: o.escape, multiLine: o.multiLine };
        const names = columnNames(files, o, cfg);
        if (!o.inferSchema)
            return inferredSchema(names, names.map(() => StringType));
        const n = names.length;
        const inf = new CsvTypeInferrer(n, o);
        const F = new Fields();
        // Spark samples with a fixed seed; a deterministic generator keeps inference repeatable.
        let seed = 42;
        const sample = o.samplingRatio >= 1 ? () => true : () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296) < o.samplingRatio;
        for (const f of files) {
            let skipHeader = o.header;
            for (const chunk of chunksOfFile(f.path, f.size, o)) {
                const buf = chunk.buf;
                let pos = chunk.from;
                const limit = chunk.to;
                while (pos < limit) {
                    const c0 = buf[pos];
                    if ((c0 <= 32 && blankLine(buf, pos)) || c0 === o.comment) {
                        pos = skipLine(buf, pos, limit);
                        continue;
                    }
                    if (!skipHeader && !o.multiLine && !sample()) {
                        // A record left out of the sample: skip its line without tokenizing it.
                        pos = buf.indexOf(NL, pos) + 1;
                        continue;
                    }
                    pos = scanRecord(buf, pos, limit, cfg, F);
                    if (skipHeader) {
                        skipHeader = false;
                        continue;
                    }
                    if (o.multiLine && !sample())
                        continue;
                    const m = Math.min(n, F.count);
                    for (let i = 0; i < m; i++)
                        inf.add(i, buf, F.starts[i], F.ends[i], F.flags[i], cfg);
                }
            }
        }
        return inferredSchema(names, inf.types(n));
    },
    read(split, schema, columns, options) {
        return readCsvSplit(split, schema, columns, csvOptions(options));
    },
};
//# sourceMappingURL=index.js.map