import { buildVec } from './vec-ops.js';
import { fileFormat } from '../sources/index.js';
import type { FileSplit, SourceOptions } from '../sources/file-source.js';
import type { StructType } from '../types/data-types.js';
import { parseSchema, parseType } from '../types/parse-type.js';
import { fromRecordBatch, type ColumnarBatch } from './columnar-batch.js';

const schemas = new Map<string, StructType>();

/** Reads one split as batches (the schema travels as a DDL string; parsed once per thread). */
export function* readSplit(format: string, split: FileSplit, schemaDdl: string, columns: string[], options: SourceOptions): Generator<ColumnarBatch> {
  let schema = schemas.get(schemaDdl);
  if (!schema) schemas.set(schemaDdl, (schema = parseSchema(schemaDdl)));
  for (const rb of fileFormat(format).read(split, schema, columns, options)) yield fromRecordBatch(rb);
}

/**
 * Reads one split of a partitioned source: the data columns from the file, the partition columns as constants
 * from the split's directory (`partitionValues`), in the order of `columns`.
 */
export function* readPartitionedSplit(
  format: string,
  split: FileSplit & { partitionValues?: unknown[] },
  dataSchemaDdl: string,
  columns: string[],
  options: SourceOptions,
  partitionColumns: { name: string; type: string }[],
): Generator<ColumnarBatch> {
  const partAt = new Map(partitionColumns.map((c, i) => [c.name.toLowerCase(), i]));
  const dataColumns = columns.filter((c) => !partAt.has(c.toLowerCase()));
  const values = split.partitionValues ?? [];
  for (const b of readSplit(format, split, dataSchemaDdl, dataColumns, options)) {
    let d = 0;
    const out = columns.map((c) => {
      const p = partAt.get(c.toLowerCase());
      if (p === undefined) return b.columns[d++]!;
      const v = values[p] ?? null;
      return buildVec(parseType(partitionColumns[p]!.type), new Array(b.length).fill(v));
    });
    yield { names: columns, columns: out, length: b.length };
  }
}
