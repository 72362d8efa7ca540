import { Options, parseMode } from '../options.js';
import { DateTimeOptions } from '../datetime.js';
import { SourceError } from '../errors.js';
function byteOf(key, ch) {
    if (ch === '')
        return -1;
    const code = ch.charCodeAt(0);
    if (code > 0x7f) {
        throw new SourceError('INVALID_OPTION', `CSV option '${key}' must be an ASCII character, got '${ch}'.`);
    }
    return code;
}
export function csvOptions(options, forWrite = false) {
    const o = new Options(options);
    const sepChar = o.has('sep') ? o.char('sep', ',') : o.char('delimiter', ',');
    const quoteChar = o.char('quote', '"', true);
    const escapeChar = o.char('escape', '\\');
    const commentChar = o.char('comment', '', true);
    const nullValue = o.string('nullValue', '');
    const encoding = (o.get('encoding') ?? o.get('charset') ?? 'utf-8').toLowerCase().replace('_', '-');
    if (encoding !== 'utf-8' && encoding !== 'utf8') {
        throw new SourceError('INVALID_OPTION', `CSV encoding '${encoding}' is not supported; Kindling reads and writes UTF-8.`);
    }
    const ratio = o.number('samplingRatio', 1);
    if (!(ratio > 0 && ratio <= 1))
        throw new SourceError('INVALID_OPTION', `Option 'samplingRatio' must be in (0, 1], got ${ratio}.`);
    return {
        header: o.bool('header', false),
        inferSchema: o.bool('inferSchema', false),
        sep: byteOf('sep', sepChar),
        quote: byteOf('quote', quoteChar),
        escape: byteOf('escape', escapeChar),
        comment: byteOf('comment', commentChar),
        sepChar,
        quoteChar,
        escapeChar,
        nullValue,
        nullBytes: Buffer.from(nullValue, 'utf8'),
        emptyValue: o.string('emptyValue', forWrite ? '""' : ''),
        nanValue: o.string('nanValue', 'NaN'),
        positiveInf: o.string('positiveInf', 'Inf'),
        negativeInf: o.string('negativeInf', '-Inf'),
        dateTime: new DateTimeOptions(o.get('dateFormat'), o.get('timestampFormat')),
        multiLine: o.bool('multiLine', false),
        mode: parseMode(o),
        corruptColumn: o.string('columnNameOfCorruptRecord', '_corrupt_record'),
        samplingRatio: ratio,
        ignoreLeadingWhiteSpace: o.bool('ignoreLeadingWhiteSpace', forWrite),
        ignoreTrailingWhiteSpace: o.bool('ignoreTrailingWhiteSpace', forWrite),
        quoteAll: o.bool('quoteAll', false),
        escapeQuotes: o.bool('escapeQuotes', true),
        lineSep: o.string('lineSep', '\n'),
        compression: (o.get('compression') ?? o.get('codec') ?? 'none').toLowerCase(),
    };
}
//# sourceMappingURL=options.js.map