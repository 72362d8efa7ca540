import { fileFormat } from '../sources/index.js';
import type { FileSplit, SourceOptions } from '../sources/file-source.js';
import type { StructType } from '../types/data-types.js';
import { parseSchema } from '../types/parse-type.js';
import { fromRecordBatch, type ColumnarBatch } from './columnar-batch.js';

const schemas = new Map<string, StructType>();

/** Reads one split as batches (the schema travels as a DDL string; parsed once per thread). */
export function* readSplit(format: string, split: FileSplit, schemaDdl: string, columns: string[], options: SourceOptions): Generator<ColumnarBatch> {
  let schema = schemas.get(schemaDdl);
  if (!schema) schemas.set(schemaDdl, (schema = parseSchema(schemaDdl)));
  for (const rb of fileFormat(format).read(split, schema, columns, options)) yield fromRecordBatch(rb);
}
