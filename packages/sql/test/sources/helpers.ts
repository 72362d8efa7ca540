import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as arrow from 'apache-arrow';
import type { FileFormat, FileSplit, SourceOptions } from '../../src/sources/file-source.js';
import type { StructType } from '../../src/types/data-types.js';
import { readerFor } from '../../src/sources/values.js';

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'kindling-sources-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function writeText(dir: string, name: string, text: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

export const fileOf = (path: string) => ({ path, size: statSync(path).size });

/** Rows of batches as plain objects (values in the conventions of values.ts). */
export function rowsOf(batches: Iterable<arrow.RecordBatch>): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const b of batches) {
    const names = b.schema.fields.map((f) => f.name);
    const readers = names.map((_, j) => readerFor(b.data.children[j]!));
    for (let i = 0; i < b.numRows; i++) {
      const row: Record<string, unknown> = {};
      names.forEach((n, j) => (row[n] = readers[j]!(i)));
      out.push(row);
    }
  }
  return out;
}

/** Reads every split of the files with the format: all columns of the schema unless `columns` is given. */
export function readAll(
  format: FileFormat,
  paths: string[],
  schema: StructType,
  options: SourceOptions = {},
  columns?: string[],
  minPartitions = 1,
): Record<string, unknown>[] {
  const files = paths.map(fileOf);
  const splits: FileSplit[] = format.planSplits(files, options, minPartitions);
  const cols = columns ?? schema.fieldNames;
  return splits.flatMap((s) => rowsOf(format.read(s, schema, cols, options)));
}
