import { ArrayType, StringType, StructField, StructType } from '../../types/data-types.js';
import { makeBatch, makeColumnBuilder } from '../columns.js';
import { DateTimeOptions } from '../datetime.js';
import { MalformedRecordError, SourceError } from '../errors.js';
import { Options, parseMode } from '../options.js';
import { byteRangeSplits, countNewlinesBefore, isCompressed, lineChunks, readWholeFile } from '../splits.js';
import { A_NULL, accType, canonicalize, isArrayOfStructAcc, isStructAcc, JsonReader, JsonSyntaxError, mergeAcc } from './parser.js';
export { JsonEncoder } from './write.js';
export { JsonReader, mergeTypes } from './parser.js';
const BATCH_ROWS = 65536;
export function jsonOptions(options) {
    const o = new Options(options);
    const encoding = (o.get('encoding') ?? 'utf-8').toLowerCase();
    if (encoding !== 'utf-8' && encoding !== 'utf8') {
        throw new SourceError('INVALID_OPTION', `JSON encoding '${encoding}' is not supported; Kindling reads and writes UTF-8.`);
    }
    return {
        multiLine: o.bool('multiLine', false),
        mode: parseMode(o),
        corruptColumn: o.string('columnNameOfCorruptRecord', '_corrupt_record'),
        samplingRatio: o.number('samplingRatio', 1),
        primitivesAsString: o.bool('primitivesAsString', false),
        dateTime: new DateTimeOptions(o.get('dateFormat'), o.get('timestampFormat')),
        ignoreNullFields: o.bool('ignoreNullFields', true),
        lineSep: o.string('lineSep', '\n'),
        compression: (o.get('compression') ?? 'none').toLowerCase(),
    };
}
/** The records of a split: lines (JSON Lines) or the whole file (multiLine). */
function* records(split, o) {
    if (o.multiLine) {
        const text = readWholeFile(split.path).toString('utf8');
        yield { text, start: 0, line: () => 1 };
        return;
    }
    let firstOffset = -1;
    let lines = 0;
    for (const chunk of lineChunks(split)) {
        if (firstOffset < 0)
            firstOffset = chunk.fileOffset;
        const text = chunk.buf.toString('utf8', chunk.from, chunk.to);
        let pos = 0;
        while (pos < text.length) {
            let nl = text.indexOf('\n', pos);
            if (nl < 0)
                nl = text.length;
            const line = text.slice(pos, nl);
            const here = lines;
            lines++;
            pos = nl + 1;
            if (line.trim() === '')
                continue;
            yield { text: line, start: 0, line: () => (firstOffset > 0 ? countNewlinesBefore(split.path, firstOffset) : 0) + here + 1 };
        }
    }
}
function lineAt(text, pos) {
    let n = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < pos; i = text.indexOf('\n', i + 1))
        n++;
    return n;
}
function* readJsonSplit(split, schema, columns, o) {
    const corruptField = schema.fields.find((f) => f.name === o.corruptColumn);
    if (corruptField && corruptField.dataType !== StringType) {
        throw new SourceError('INVALID_OPTION', `The corrupt record column '${o.corruptColumn}' must be of type string.`);
    }
    const outFields = columns.map((name) => {
        const f = schema.fields.find((x) => x.name === name) ?? schema.fields.find((x) => x.name.toLowerCase() === name.toLowerCase());
        if (!f)
            throw new SourceError('COLUMN_NOT_FOUND', `Column '${name}' is not in the JSON schema (${schema.fieldNames.join(', ')}).`);
        return new StructField(name, f.dataType, f.nullable);
    });
    const corruptAt = columns.findIndex((c) => c === o.corruptColumn && corruptField !== undefined);
    // The struct parsed from each record: the requested columns (by their schema names), corrupt column aside.
    const wanted = new StructType(columns.map((c, j) => (j === corruptAt ? new StructField(`\u0000corrupt`, StringType) : new StructField(schema.fields.find((x) => x.name === c)?.name ?? c, outFields[j].dataType))));
    const index = new Map(wanted.fields.map((f, i) => [f.name, i]));
    const builders = outFields.map((f) => makeColumnBuilder(f.dataType));
    const reader = new JsonReader(o.dateTime);
    let n = 0;
    const flush = () => {
        const b = makeBatch(outFields, builders.map((x) => x.finish()), n);
        n = 0;
        return b;
    };
    const emit = (row) => {
        for (let j = 0; j < builders.length; j++)
            builders[j].append(row[j]);
        n++;
    };
    const bad = (rec, problem, raw, at) => {
        if (o.mode === 'FAILFAST')
            throw new MalformedRecordError(split.path, o.multiLine ? lineAt(rec.text, at) : rec.line(), problem);
        if (o.mode === 'DROPMALFORMED')
            return;
        const row = new Array(builders.length).fill(null);
        if (corruptAt >= 0)
            row[corruptAt] = raw;
        emit(row);
    };
    for (const rec of records(split, o)) {
        reader.reset(rec.text, rec.start);
        // A record is an object; an array of objects is several records (Spark's JSON reader does the same).
        const rows = [];
        let problem = null;
        let at = 0;
        try {
            while (!reader.atEnd()) {
                const c = reader.peek();
                at = reader.i;
                if (c === 123)
                    rows.push(reader.parseObject(wanted, index));
                else if (c === 91) {
                    reader.i++;
                    if (reader.peek() === 93)
                        reader.i++;
                    else {
                        for (;;) {
                            if (reader.peek() !== 123)
                                reader.fail('an object');
                            rows.push(reader.parseObject(wanted, index));
                            const d = reader.peek();
                            reader.i++;
                            if (d === 93)
                                break;
                            if (d !== 44) {
                                reader.i--;
                                reader.fail("',' or ']'");
                            }
                        }
                    }
                }
                else
                    reader.fail('an object');
                if (!o.multiLine) {
                    if (!reader.atEnd())
                        reader.fail('the end of the record');
                    break;
                }
            }
        }
        catch (e) {
            if (!(e instanceof JsonSyntaxError))
                throw e;
            problem = e.message;
            at = e.pos;
        }
        if (problem !== null) {
            bad(rec, problem, rec.text, at);
        }
        else if (reader.mismatch !== null) {
            // A value of the wrong type: partial results, the record is malformed.
            if (o.mode === 'FAILFAST')
                throw new MalformedRecordError(split.path, o.multiLine ? lineAt(rec.text, at) : rec.line(), reader.mismatch);
            if (o.mode === 'PERMISSIVE') {
                for (const row of rows) {
                    if (corruptAt >= 0)
                        row[corruptAt] = rec.text;
                    emit(row);
                }
            }
        }
        else {
            for (const row of rows)
                emit(row);
        }
        if (n >= BATCH_ROWS)
            yield flush();
    }
    if (n > 0)
        yield flush();
}
/** Spark's JSON data source: JSON Lines by default (splittable), whole-file documents with multiLine. */
export const jsonFormat = {
    name: 'json',
    planSplits(files, options, minPartitions) {
        const o = jsonOptions(options);
        return byteRangeSplits(files, minPartitions, (p) => !o.multiLine && !isCompressed(p));
    },
    /**
     * Infers a schema by merging the types of every record (JsonInferSchema): fields are sorted by name, numbers
     * widen (bigint+double → double), structs union their fields, arrays merge their elements, conflicts become
     * string, and all-null fields string. Malformed records add the corrupt record column in PERMISSIVE mode.
     */
    inferSchema(files, options) {
        const o = jsonOptions(options);
        const reader = new JsonReader(o.dateTime);
        let root = null;
        let corrupt = false;
        let seed = 42;
        const sample = o.samplingRatio >= 1 ? () => true : () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296) < o.samplingRatio;
        for (const f of files) {
            for (const rec of records({ index: 0, path: f.path, start: 0, length: f.size }, o)) {
                if (!sample())
                    continue;
                reader.reset(rec.text, rec.start);
                try {
                    while (!reader.atEnd()) {
                        const c = reader.peek();
                        if (c === 123)
                            root = reader.inferInto(root);
                        else {
                            // An array of objects is several records; anything else is a corrupt record.
                            const t = reader.inferInto(null);
                            if (isArrayOfStructAcc(t))
                                root = mergeAcc(root, t.elem);
                            else if (t.k !== A_NULL || c !== 110)
                                corrupt = true;
                        }
                        if (root && !isStructAcc(root)) {
                            corrupt = true;
                            root = null;
                        }
                        if (!o.multiLine) {
                            if (!reader.atEnd())
                                reader.fail('the end of the record');
                            break;
                        }
                    }
                }
                catch (e) {
                    if (!(e instanceof JsonSyntaxError))
                        throw e;
                    if (o.mode === 'FAILFAST') {
                        throw new MalformedRecordError(f.path, o.multiLine ? lineAt(rec.text, e.pos) : rec.line(), e.message);
                    }
                    corrupt = true;
                }
            }
        }
        const rootType = root ? accType(root) : new StructType([]);
        let schema = canonicalize(rootType) ?? new StructType([]);
        if (o.primitivesAsString)
            schema = primitivesAsString(schema);
        if (corrupt && o.mode === 'PERMISSIVE' && !schema.fieldNames.includes(o.corruptColumn)) {
            schema = new StructType([...schema.fields, new StructField(o.corruptColumn, StringType, true)].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));
        }
        return schema;
    },
    read(split, schema, columns, options) {
        return readJsonSplit(split, schema, columns, jsonOptions(options));
    },
};
function primitivesAsString(t) {
    if (t instanceof StructType)
        return new StructType(t.fields.map((f) => new StructField(f.name, primitivesAsString(f.dataType), f.nullable)));
    if (t instanceof ArrayType)
        return new ArrayType(primitivesAsString(t.elementType), t.containsNull);
    return StringType;
}
//# sourceMappingURL=index.js.map