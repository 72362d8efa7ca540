import { buildVec } from './vec-ops.js';
import { fileFormat } from '../sources/index.js';
import { parseSchema, parseType } from '../types/parse-type.js';
import { fromRecordBatch } from './columnar-batch.js';
const schemas = new Map();
/** Reads one split as batches (the schema travels as a DDL string; parsed once per thread). */
export function* readSplit(format, split, schemaDdl, columns, options) {
    let schema = schemas.get(schemaDdl);
    if (!schema)
        schemas.set(schemaDdl, (schema = parseSchema(schemaDdl)));
    for (const rb of fileFormat(format).read(split, schema, columns, options))
        yield fromRecordBatch(rb);
}
/**
 * Reads one split of a partitioned source: the data columns from the file, the partition columns as constants
 * from the split's directory (`partitionValues`), in the order of `columns`.
 */
export function* readPartitionedSplit(format, split, dataSchemaDdl, columns, options, partitionColumns) {
    const partAt = new Map(partitionColumns.map((c, i) => [c.name.toLowerCase(), i]));
    const dataColumns = columns.filter((c) => !partAt.has(c.toLowerCase()));
    const values = split.partitionValues ?? [];
    for (const b of readSplit(format, split, dataSchemaDdl, dataColumns, options)) {
        let d = 0;
        const out = columns.map((c) => {
            const p = partAt.get(c.toLowerCase());
            if (p === undefined)
                return b.columns[d++];
            const v = values[p] ?? null;
            return buildVec(parseType(partitionColumns[p].type), new Array(b.length).fill(v));
        });
        yield { names: columns, columns: out, length: b.length };
    }
}
//# sourceMappingURL=scan.js.map