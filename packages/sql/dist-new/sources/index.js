import { csvFormat } from './csv/index.js';
import { jsonFormat } from './json/index.js';
import { parquetFormat } from './parquet/index.js';
import { textFormat } from './text/index.js';
import { SourceError } from './errors.js';
export { csvFormat } from './csv/index.js';
export { jsonFormat } from './json/index.js';
export { parquetFormat } from './parquet/index.js';
export { textFormat, TEXT_SCHEMA } from './text/index.js';
export { SourceError, MalformedRecordError } from './errors.js';
export { startWriteJob, writeTask, commitWriteJob, abortWriteJob, writeBatches, parseSaveMode, escapePathName, unescapePathName, DEFAULT_PARTITION_NAME, } from './write/index.js';
/** The built-in file formats by Spark's short names. */
export const fileFormats = Object.freeze({
    csv: csvFormat,
    json: jsonFormat,
    parquet: parquetFormat,
    text: textFormat,
});
/** The file format named as in `spark.read.format(name)` (case-insensitive). */
export function fileFormat(name) {
    const f = fileFormats[name.toLowerCase()];
    if (!f) {
        throw new SourceError('UNSUPPORTED_DATA_SOURCE', `Unknown data source '${name}'. Kindling reads ${Object.keys(fileFormats).join(', ')}.`);
    }
    return f;
}
//# sourceMappingURL=index.js.map