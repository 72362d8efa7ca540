import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { OutputError } from '@kindling/core';
import type { DataFrame } from '@kindling/sql';
import { CliError } from '../errors.js';

export const OUTPUT_FORMATS = ['table', 'csv', 'json', 'jsonl', 'parquet'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
export const SAVE_MODES = ['errorifexists', 'overwrite', 'append', 'ignore'] as const;
export type SaveMode = (typeof SAVE_MODES)[number];

const FILE_EXTENSIONS: Record<string, Exclude<OutputFormat, 'table'>> = {
  csv: 'csv',
  json: 'json',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  parquet: 'parquet',
};

export function checkOutputFormat(name: string): OutputFormat {
  const f = name.toLowerCase();
  if (!(OUTPUT_FORMATS as readonly string[]).includes(f)) {
    throw new CliError('INVALID_ARGUMENT', `--format '${name}' is not one of ${OUTPUT_FORMATS.join(', ')}.`);
  }
  return f as OutputFormat;
}

export function checkSaveMode(name: string): SaveMode {
  const m = name.toLowerCase() === 'error' ? 'errorifexists' : name.toLowerCase();
  if (!(SAVE_MODES as readonly string[]).includes(m)) throw new CliError('INVALID_ARGUMENT', `--mode '${name}' is not one of ${SAVE_MODES.join(', ')}.`);
  return m as SaveMode;
}

/** An output path names a single file when it ends in a format's extension (`out.csv`), else a directory. */
export function singleFileFormat(path: string): Exclude<OutputFormat, 'table'> | null {
  const ext = basename(path).toLowerCase().split('.');
  return ext.length > 1 ? (FILE_EXTENSIONS[ext.at(-1)!] ?? null) : null;
}

/** Spark's show() table of the first `maxRows` rows. */
export async function printTable(df: DataFrame, out: Writable, opts: { maxRows: number; truncate: number }): Promise<void> {
  await write(out, await df.showString(opts.maxRows, opts.truncate));
}

/**
 * CSV or JSON on a stream (stdout). The rows go through the sql package's writers — so values are formatted exactly
 * as `df.write` formats them — into a scratch directory under the context's local directory, then the part files
 * are streamed out in partition order.
 */
export async function printFormatted(df: DataFrame, format: 'csv' | 'json' | 'jsonl', out: Writable): Promise<void> {
  const scratch = join(df.session.sparkContext.localDir, `cli-${randomUUID()}`);
  try {
    await df.write.format(format === 'csv' ? 'csv' : 'json').option('header', 'false').save(scratch);
    await emitParts(scratch, format, df.columns, out);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Writes the result to `target`, atomically. A directory target (`out/`) is Spark's layout, written by `df.write`
 * with its commit protocol (part files, `_SUCCESS`, staging directory renamed into place). A file target
 * (`out.csv`, `out.parquet`) is written into a hidden staging directory beside it and renamed over it only when the
 * whole query succeeded; on failure the staging directory is removed and the target is as it was.
 */
export async function writeOutput(df: DataFrame, target: string, format: Exclude<OutputFormat, 'table'>, mode: SaveMode): Promise<void> {
  const path = resolve(target);
  const file = singleFileFormat(path);
  if (!file) {
    await df.write.format(format === 'jsonl' ? 'json' : format).mode(mode).save(path);
    return;
  }
  if (existsSync(path)) {
    if (statSync(path).isDirectory()) throw new OutputError('PATH_ALREADY_EXISTS', `${path} is a directory; give a file name or a directory without an extension.`);
    if (mode === 'ignore') return;
    if (mode === 'errorifexists') {
      throw new OutputError('PATH_ALREADY_EXISTS', `Path ${path} already exists. Add --mode overwrite to replace it.`);
    }
    if (mode === 'append') throw new CliError('INVALID_ARGUMENT', `--mode append needs a directory output; ${path} is a single file.`);
  }
  const staging = join(dirname(path), `.${basename(path)}.kindling-${randomUUID()}`);
  const parts = join(staging, 'parts');
  const result = join(staging, 'result');
  try {
    if (format === 'parquet') {
      // Parquet files cannot be concatenated: one task writes the one file.
      await df.coalesce(1).write.format('parquet').save(parts);
      renameSync(join(parts, partFiles(parts)[0]!), result);
    } else {
      await df.write.format(format === 'csv' ? 'csv' : 'json').option('header', 'false').save(parts);
      const sink = createWriteStream(result);
      await emitParts(parts, format, df.columns, sink);
      sink.end();
      await finished(sink);
    }
    renameSync(result, path);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function partFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.startsWith('part-'))
    .sort();
}

/** Part files in task order, as one CSV (with one header), JSON Lines, or one JSON array. */
async function emitParts(dir: string, format: 'csv' | 'json' | 'jsonl', columns: string[], out: Writable): Promise<void> {
  if (format === 'csv') await write(out, csvHeader(columns));
  if (format === 'json') await write(out, '[');
  let first = true;
  for (const part of partFiles(dir)) {
    const file = join(dir, part);
    if (format !== 'json') {
      await pipeInto(createReadStream(file), out);
      continue;
    }
    for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
      if (line === '') continue;
      await write(out, (first ? '\n' : ',\n') + line);
      first = false;
    }
  }
  if (format === 'json') await write(out, first ? ']\n' : '\n]\n');
}

/** The header line as the CSV writer quotes values (Spark's defaults: `"` quotes, `\` escapes). */
export function csvHeader(names: string[]): string {
  return names.map((n) => (/[",\r\n]|^\s|\s$/.test(n) || n === '' ? `"${n.replace(/"/g, '\\"')}"` : n)).join(',') + '\n';
}

function write(out: Writable, data: string | Uint8Array): Promise<void> {
  if (out.write(data)) return Promise.resolve();
  return new Promise((res, rej) => {
    const done = (e?: Error) => {
      out.off('drain', done);
      out.off('error', done);
      if (e) rej(e);
      else res();
    };
    out.on('drain', done);
    out.on('error', done);
  });
}

async function pipeInto(src: AsyncIterable<Uint8Array | string>, out: Writable): Promise<void> {
  for await (const chunk of src) await write(out, chunk);
}
