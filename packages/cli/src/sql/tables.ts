import { basename } from 'node:path';
import { listInputFiles } from '@kindling/core';
import type { Session } from '@kindling/sql';
import { CliError } from '../errors.js';

/** Input formats `--table` and `--input-format` know, by Spark's source names. */
export const INPUT_FORMATS = ['csv', 'json', 'parquet', 'text'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

const BY_EXTENSION: Record<string, { format: InputFormat; options?: Record<string, string> }> = {
  csv: { format: 'csv' },
  tsv: { format: 'csv', options: { sep: '\t' } },
  json: { format: 'json' },
  jsonl: { format: 'json' },
  ndjson: { format: 'json' },
  parquet: { format: 'parquet' },
  txt: { format: 'text' },
  text: { format: 'text' },
  log: { format: 'text' },
};

/**
 * What the command line reads files with unless `--option` says otherwise: CSV with a header and inferred types
 * (what a file someone hands you usually is), and FAILFAST for CSV and JSON, so a malformed record stops the query
 * with its file and line instead of quietly becoming nulls (Spark's default, PERMISSIVE, is one `--option` away).
 */
const CLI_DEFAULTS: Record<InputFormat, Record<string, string>> = {
  csv: { header: 'true', inferschema: 'true', mode: 'FAILFAST' },
  json: { mode: 'FAILFAST' },
  parquet: {},
  text: {},
};

export interface TableSpec {
  name: string;
  path: string;
}

const VIEW_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `--table name=path` */
export function parseTableSpec(text: string): TableSpec {
  const i = text.indexOf('=');
  const name = i > 0 ? text.slice(0, i).trim() : '';
  const path = i > 0 ? text.slice(i + 1).trim() : '';
  if (!name || !path) throw new CliError('INVALID_TABLE', `--table expects name=path (for example --table sales=data/sales.csv), got '${text}'.`);
  if (!VIEW_NAME.test(name)) {
    throw new CliError('INVALID_TABLE', `--table: '${name}' is not a view name; use letters, digits and _ (not starting with a digit).`);
  }
  return { name, path };
}

function extensionOf(file: string): string {
  const parts = basename(file).toLowerCase().split('.');
  if (parts.at(-1) === 'gz') parts.pop();
  if (parts.at(-1) === 'snappy' || parts.at(-1) === 'zstd') parts.pop();
  return parts.length > 1 ? parts.at(-1)! : '';
}

/**
 * The format of a path: from its extension, or for a directory or glob from the extension its files share
 * (`part-00000-....c000.csv` in a directory Spark or Kindling wrote).
 */
export function inferFormat(path: string): { format: InputFormat; options: Record<string, string> } {
  const own = BY_EXTENSION[extensionOf(path)];
  if (own) return { format: own.format, options: { ...own.options } };
  const exts = new Set(listInputFiles(path).map((f) => extensionOf(f.path)));
  const known = [...exts].map((e) => BY_EXTENSION[e]);
  if (known.length > 0 && known.every((k) => k && k.format === known[0]!.format)) {
    return { format: known[0]!.format, options: { ...known[0]!.options } };
  }
  const seen = exts.size ? ` (found ${[...exts].map((e) => (e ? `.${e}` : 'no extension')).join(', ')})` : '';
  throw new CliError(
    'UNKNOWN_INPUT_FORMAT',
    `Cannot tell the format of '${path}' from its name${seen}. Add --input-format ${INPUT_FORMATS.join('|')}.`,
  );
}

export function checkInputFormat(name: string): InputFormat {
  const f = name.toLowerCase();
  if (!(INPUT_FORMATS as readonly string[]).includes(f)) {
    throw new CliError('INVALID_ARGUMENT', `--input-format '${name}' is not one of ${INPUT_FORMATS.join(', ')}.`);
  }
  return f as InputFormat;
}

/**
 * Registers each `--table` as a temporary view. Reading starts here (schema inference, FAILFAST checks happen in the
 * query's tasks), so a missing path fails before any query runs.
 */
export function registerTables(
  spark: Session,
  tables: TableSpec[],
  opts: { inputFormat?: InputFormat; options: Map<string, string> },
): void {
  for (const t of tables) {
    const inferred = opts.inputFormat ? { format: opts.inputFormat, options: {} } : inferFormat(t.path);
    const options: Record<string, string> = { ...CLI_DEFAULTS[inferred.format], ...inferred.options };
    for (const [k, v] of opts.options) options[k.toLowerCase()] = v;
    spark.read.format(inferred.format).options(options).load(t.path).createOrReplaceTempView(t.name);
  }
}
