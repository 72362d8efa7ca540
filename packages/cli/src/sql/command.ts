import { readFileSync } from 'node:fs';
import type { DataFrame } from '@kindling/sql';
import { ENGINE_OPTIONS, engineArgs, keyValues, parse } from '../args.js';
import { CliError, EXIT } from '../errors.js';
import { checkOutputFormat, checkSaveMode, printFormatted, printTable, singleFileFormat, writeOutput, type OutputFormat } from './output.js';
import type { Statement } from './statements.js';
import { checkInputFormat, parseTableSpec, registerTables } from './tables.js';

export const SQL_USAGE = `Usage: kindling sql [options] "SQL"
       kindling sql [options] -f script.sql

Runs SQL over files. Each --table registers a file, directory or glob as a view; statements in a script are
separated by ;. Results print as a table on a terminal and as CSV otherwise.

  --table name=path       register a view (format from the extension, or from the files of a directory)
  --input-format fmt      csv, json, parquet or text, for paths whose names do not tell
  --option key=value      a reader option for the tables, e.g. --option sep=';' (CSV defaults: header, inferSchema,
                          mode FAILFAST)
  -f, --file path         run the statements of a file
  --format fmt            table, csv, json (one array), jsonl (one object per line), parquet (needs --output)
  -o, --output path       write the result to a file (out.csv, out.parquet, ...) or a directory (Spark's layout),
                          atomically: nothing appears unless the whole query succeeded
  --mode mode             when --output exists: errorifexists (default), overwrite, append (directories), ignore
  --max-rows n            rows a table shows (default 1000)
  --truncate n            cut table cells longer than n characters (default 0: never)
  --master local[N]       local (inline), local[N] worker threads, local[*] (default)
  --conf key=value        a session setting (spark.sql.shuffle.partitions=8, ...)
  --no-progress           no progress bar on stderr

Exit status: 0 success, 1 the query failed (the error is printed with its line, column and caret), 2 bad usage.
`;

const OPTIONS = {
  ...ENGINE_OPTIONS,
  table: { type: 'string', multiple: true },
  'input-format': { type: 'string' },
  option: { type: 'string', multiple: true },
  file: { type: 'string', short: 'f' },
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  mode: { type: 'string' },
  'max-rows': { type: 'string' },
  truncate: { type: 'string' },
} as const;

function count(flag: string, v: string | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new CliError('INVALID_ARGUMENT', `${flag} expects a whole number, got '${v}'.`);
  return n;
}

/** `kindling sql`: resolves to the exit status. Usage errors throw CliError (main prints them, status 2). */
export async function sqlCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse('sql', args, OPTIONS);
  if (values.help) {
    process.stdout.write(SQL_USAGE);
    return EXIT.ok;
  }
  if (values.file && positionals.length) throw new CliError('INVALID_ARGUMENT', 'Give the SQL either as an argument or with -f, not both.');
  if (!values.file && positionals.length !== 1) {
    throw new CliError('INVALID_ARGUMENT', positionals.length ? `Quote the query as one argument: kindling sql "SELECT ..." (got ${positionals.length} arguments).` : `kindling sql needs a query or -f script.sql. See 'kindling sql --help'.`);
  }
  const engine = engineArgs(values);
  const tables = (values.table ?? []).map(parseTableSpec);
  const readOptions = keyValues('--option', values.option);
  const inputFormat = values['input-format'] ? checkInputFormat(values['input-format']) : undefined;
  const output = values.output;
  const explicit = values.format ? checkOutputFormat(values.format) : undefined;
  const format: OutputFormat = explicit ?? (output ? (singleFileFormat(output) ?? 'parquet') : process.stdout.isTTY ? 'table' : 'csv');
  if (format === 'table' && output) throw new CliError('INVALID_ARGUMENT', '--format table is for the terminal; with --output use csv, json, jsonl or parquet.');
  if (format === 'parquet' && !output) throw new CliError('INVALID_ARGUMENT', 'Parquet is binary: add --output path.parquet (or a directory).');
  const mode = checkSaveMode(values.mode ?? 'errorifexists');
  const maxRows = count('--max-rows', values['max-rows'], 1000);
  const truncate = count('--truncate', values.truncate, 0);

  let text: string;
  let source: string | undefined;
  if (values.file) {
    source = values.file;
    try {
      text = readFileSync(values.file, 'utf8');
    } catch (e) {
      throw new CliError('SCRIPT_NOT_FOUND', `Cannot read ${values.file}: ${(e as Error).message}`);
    }
  } else text = positionals[0]!;

  // Loaded only now: a usage error above answers without loading the engine.
  const [{ openSession }, { runStatements }] = await Promise.all([import('../session.js'), import('./statements.js')]);
  const spark = openSession(engine, 'kindling-sql');
  try {
    registerTables(spark, tables, { inputFormat, options: readOptions });
    let tablesShown = 0;
    // A table shows every query's result, as spark-sql does; other formats and --output take the last statement's.
    const emit = async (df: DataFrame, _st: Statement, last: boolean) => {
      if (format === 'table' && !output) {
        if (!df.columns.length) return;
        if (tablesShown++ > 0) process.stdout.write('\n');
        await printTable(df, process.stdout, { maxRows, truncate });
        return;
      }
      if (!last) return; // commands already took effect in session.sql; earlier queries' rows are not the output
      if (output) await writeOutput(df, output, format as Exclude<OutputFormat, 'table'>, mode);
      else await printFormatted(df, format as 'csv' | 'json' | 'jsonl', process.stdout);
    };
    await runStatements(spark, text, source, emit);
    return EXIT.ok;
  } finally {
    await spark.stop();
  }
}
