import { DataFrame, type Session } from '@kindling/sql';
import { formatTable } from '@kindling/sql';
import { CliError, fullTrace } from '../errors.js';
import { renderJob } from './dag.js';

/** What the commands read: the session, the shell's globals and what the last cells left behind. */
export interface ShellState {
  spark: Session;
  globals: Record<string, unknown>;
  /** The last error a cell raised, for :trace. */
  lastError: unknown;
  /** Jobs the last cell that ran any ran, for :dag. */
  lastJobs: number[];
  /** The last DataFrame a cell produced, for :explain and :schema without an argument. */
  lastDataFrame: DataFrame | null;
  /** SQL mode: every cell is SQL (toggled by :sql). */
  sqlMode: boolean;
  /** Runs SQL text (the same path as %sql cells). */
  sql: (text: string) => DataFrame;
}

interface Command {
  usage: string;
  help: string;
  run(state: ShellState, arg: string): string | Promise<string>;
}

/** A DataFrame named by a view, a variable or a query; else the last one shown. */
function target(state: ShellState, arg: string, command: string): DataFrame {
  const name = arg.trim();
  if (!name) {
    if (state.lastDataFrame) return state.lastDataFrame;
    throw new CliError('NO_DATAFRAME', `:${command} needs a view or variable name (no DataFrame has been shown yet). See :tables.`);
  }
  if (/^[A-Za-z_$][\w$]*$/.test(name)) {
    const v = state.globals[name];
    if (v instanceof DataFrame) return v;
    if (state.spark.catalog.hasView(name)) return state.spark.table(name);
  }
  if (/^\s*(select|with|from|values|table)\b/i.test(name)) return state.sql(name);
  return state.spark.table(name); // raises TABLE_OR_VIEW_NOT_FOUND with the nearest name
}

export const COMMANDS: Record<string, Command> = {
  help: {
    usage: ':help',
    help: 'this list',
    run: () => helpText(),
  },
  tables: {
    usage: ':tables',
    help: 'temporary views and their columns',
    run: (state) => {
      const names = state.spark.catalog.listTables();
      if (!names.length) return 'No views yet. Register one with df.createOrReplaceTempView(name).';
      const rows = names.map((n) => {
        let cols: string;
        try {
          cols = state.spark.table(n).dtypes.map(([c, t]) => `${c}: ${t}`).join(', ');
        } catch (e) {
          cols = `(cannot resolve: ${(e as Error).message})`;
        }
        return [n, cols];
      });
      return formatTable(['view', 'columns'], rows, 0, false, rows.length).replace(/\n$/, '');
    },
  },
  schema: {
    usage: ':schema <view | variable>',
    help: "a view's or DataFrame's schema (printSchema's tree)",
    run: (state, arg) => target(state, arg, 'schema').schema.treeString().replace(/\n$/, ''),
  },
  explain: {
    usage: ':explain [extended] [view | variable | query]',
    help: 'the physical plan (extended: also the logical plans)',
    run: (state, arg) => {
      const m = /^\s*extended\b\s*/i.exec(arg);
      const df = target(state, m ? arg.slice(m[0].length) : arg, 'explain');
      return df.explainString(m ? 'extended' : 'simple').replace(/\n$/, '');
    },
  },
  dag: {
    usage: ':dag',
    help: "the last cell's jobs: stages as a DAG with task counts and times",
    run: (state) => {
      const store = state.spark.sparkContext.statusStore;
      const jobs = state.lastJobs.map((id) => store.job(id)).filter((j) => !!j);
      if (!jobs.length) return 'No job has run yet.';
      return jobs.map((j) => renderJob(j, store.stagesOfJob(j.jobId))).join('\n\n');
    },
  },
  trace: {
    usage: ':trace',
    help: "the last error's full stack trace, with its causes",
    run: (state) => (state.lastError === undefined ? 'No error yet.' : fullTrace(state.lastError)),
  },
  sql: {
    usage: ':sql',
    help: 'SQL mode on or off: every cell is SQL, ending with ; (also %sql at the start of one cell)',
    run: (state) => {
      state.sqlMode = !state.sqlMode;
      return state.sqlMode ? 'SQL mode: cells are SQL statements ending with ;. :sql again for TypeScript.' : 'TypeScript mode.';
    },
  },
  quit: {
    usage: ':quit',
    help: 'leave the shell (also Ctrl-D, .exit)',
    run: () => '',
  },
};

export function helpText(): string {
  const w = Math.max(...Object.values(COMMANDS).map((c) => c.usage.length));
  return [
    'In scope: spark (Session), sc (Context), F (functions), col, lit, Window.',
    'Cells are TypeScript or JavaScript, with top-level await; an open bracket continues the cell on the next line.',
    "A cell's value is shown: a DataFrame as its first rows, an action's result as a list. `%sql SELECT ...` runs SQL.",
    'Tab completes methods, variables, view and column names. Ctrl-C cancels the running job; Ctrl-D leaves.',
    '',
    ...Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(w)}  ${c.help}`),
  ].join('\n');
}

/** Runs `:name args`; unknown names fail with the list. */
export async function runCommand(state: ShellState, line: string): Promise<string> {
  const m = /^:(\w+)\s*([\s\S]*)$/.exec(line.trim());
  const name = m?.[1] ?? '';
  const command = COMMANDS[name];
  if (!command) throw new CliError('UNKNOWN_COMMAND', `Unknown command '${line.trim().split(/\s/)[0]}'. Commands: ${Object.keys(COMMANDS).map((c) => `:${c}`).join(' ')}.`);
  return command.run(state, m![2] ?? '');
}
