import repl, { type REPLServer } from 'node:repl';
import { runInThisContext } from 'node:vm';
import { inspect } from 'node:util';
import { JobCancelledError } from '@kindling/core';
import { DataFrame, Window, col, functions as F, lit, parseScript } from '@kindling/sql';
import type { EngineArgs } from '../args.js';
import { formatError } from '../errors.js';
import { openSession } from '../session.js';
import { COMMANDS, runCommand, type ShellState } from './commands.js';
import { completeCode, completeCommand, completeSql, type CompletionScope } from './completion.js';
import { display } from './display.js';
import { historyPath } from './history.js';
import { importFromCell } from './imports.js';
import { compileCell, IMPORT_HOOK, IncompleteCell } from './transpile.js';
import { isIncompleteSql, sqlCellText } from './sql-cell.js';

export interface ShellOptions {
  engine: EngineArgs;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

class CellCancelled extends Error {}

const PROMPT = 'kindling> ';
const SQL_PROMPT = 'sql> ';

/** A cell, ready to run: code compiled (or SQL parsed enough to know it is complete), or a command. */
type Cell = { kind: 'code'; run: () => Promise<unknown> } | { kind: 'sql'; text: string } | { kind: 'command'; line: string };

/**
 * The notebook-style shell: node:repl for line editing, multi-line input, history and completion, with its own
 * evaluation (cells compiled by compileCell and run in this realm, so closures ship to workers as in a program),
 * its own display, and Ctrl-C that cancels the running cell's jobs instead of leaving.
 */
export async function startShell(opts: ShellOptions): Promise<number> {
  const spark = openSession(opts.engine, 'kindling-shell');
  const sc = spark.sparkContext;
  const output = opts.output ?? process.stdout;
  const colors = (output as { isTTY?: boolean }).isTTY === true && !process.env.NO_COLOR;
  const globals = globalThis as Record<string, unknown>;
  Object.assign(globals, { spark, sc, F, col, lit, Window });
  Object.defineProperty(globals, IMPORT_HOOK, { value: (spec: string) => importFromCell(spec), configurable: true });

  const state: ShellState = {
    spark,
    globals,
    lastError: undefined,
    lastJobs: [],
    lastDataFrame: null,
    sqlMode: false,
    sql: (text) => spark.sql(text),
  };
  // Jobs started while a cell runs belong to it (for :dag).
  let cellJobs: number[] | null = null;
  sc.events.on('jobStart', ({ job }) => cellJobs?.push(job.jobId));

  const red = (s: string) => (colors ? `\x1b[31m${s}\x1b[39m` : s);
  /** Everything the shell prints goes here: the progress bar (on stderr, same terminal) is erased first. */
  const print = (text: string) => {
    sc.progressBar?.clear();
    output.write(text + '\n');
  };
  const columns = () => (output as { columns?: number }).columns ?? 100;

  output.write(
    `Kindling shell · master ${sc.master} · spark, sc, F, col, lit, Window are in scope · :help for commands\n`,
  );

  let pending: { value: unknown; text: string } | null = null;
  let queue: Promise<void> = Promise.resolve();
  let cellNumber = 0;
  let generation = 0; // Ctrl-C bumps it: cells queued behind the cancelled one are dropped

  const scope: CompletionScope = { session: spark, globals, commands: Object.keys(COMMANDS) };

  const server: REPLServer = repl.start({
    prompt: PROMPT,
    input: opts.input ?? process.stdin,
    output,
    useGlobal: true,
    ignoreUndefined: true,
    preview: false,
    writer: (v: unknown) => (pending && pending.value === v ? pending.text : inspect(v, { colors })),
    // The callback form: node:repl passes its own callback, whatever the completer's arity.
    completer: (line: string, done: (err: Error | null, result: [string[], string]) => void) => {
      let result: [string[], string];
      try {
        const t = line.trimStart();
        if (t.startsWith(':')) result = completeCommand(t, scope);
        else if (state.sqlMode || t.startsWith('%sql')) result = completeSql(line, scope);
        else result = completeCode(line, scope);
      } catch {
        result = [[], line];
      }
      done(null, result);
    },
    eval: (cmd: string, _context: unknown, _file: string, cb: (err: Error | null, result?: unknown) => void) => {
      let cell: Cell | null;
      try {
        cell = prepare(cmd);
      } catch (e) {
        if (e instanceof IncompleteCell) return cb(new repl.Recoverable(e));
        state.lastError = e;
        print(red(formatError(e)));
        return cb(null);
      }
      if (!cell) return cb(null);
      const gen = generation;
      const ready = cell;
      queue = queue.then(async () => {
        if (gen !== generation) return cb(null);
        try {
          const shown = await interruptible(() => runCell(ready));
          if (shown === undefined) return cb(null);
          pending = shown;
          sc.progressBar?.clear();
          cb(null, shown.value);
        } catch (e) {
          if (e instanceof CellCancelled || e instanceof JobCancelledError) {
            print(red('Cancelled (Ctrl-C): the running job was stopped.'));
          } else {
            state.lastError = e;
            print(red(formatError(e)));
          }
          cb(null);
        }
      });
    },
  });

  function prepare(cmd: string): Cell | null {
    const text = cmd.replace(/\n$/, '');
    const t = text.trim();
    if (t === '') return null;
    if (t.startsWith(':')) return { kind: 'command', line: t };
    const sql = state.sqlMode ? t : sqlCellText(t);
    if (sql !== null) {
      if (isIncompleteSql(sql, state.sqlMode)) throw new IncompleteCell('SQL continues');
      return { kind: 'sql', text: sql };
    }
    const compiled = compileCell(text);
    const filename = `cell-${++cellNumber}`; // call sites and stacks read "collect at cell-3:1"
    return { kind: 'code', run: () => runInThisContext(compiled.code, { filename }) as Promise<unknown> };
  }

  async function runCell(cell: Cell): Promise<{ value: unknown; text: string } | undefined> {
    if (cell.kind === 'command') {
      if (/^:(quit|q|exit)\b/.test(cell.line)) {
        server.close();
        return undefined;
      }
      const text = await runCommand(state, cell.line);
      if (text) print(text);
      server.setPrompt(state.sqlMode ? SQL_PROMPT : PROMPT); // :sql switched modes
      return undefined;
    }
    const jobs: number[] = [];
    cellJobs = jobs;
    try {
      if (cell.kind === 'sql') {
        // A cell may hold several statements; each runs in turn and shows its rows (commands show nothing).
        for (const st of parseScript(cell.text)) {
          const df = state.sql(st.text);
          state.lastDataFrame = df;
          if (df.columns.length) print((await df.showString(20, 20)).replace(/\n$/, ''));
        }
        return undefined;
      }
      const value = await cell.run();
      if (value instanceof DataFrame) state.lastDataFrame = value;
      const text = await display(value, { colors, columns: columns(), rows: 20 });
      return text === null ? undefined : { value, text };
    } finally {
      cellJobs = null;
      if (jobs.length) state.lastJobs = jobs;
    }
  }

  /** Runs a cell with Ctrl-C meaning "cancel this cell's jobs" instead of the REPL's "clear the line / exit". */
  async function interruptible<T>(fn: () => Promise<T>): Promise<T> {
    const saved = server.listeners('SIGINT') as ((...a: unknown[]) => void)[];
    server.removeAllListeners('SIGINT');
    let cancel!: (e: Error) => void;
    const cancelled = new Promise<never>((_, rej) => (cancel = rej));
    const onInterrupt = () => {
      generation++;
      sc.cancelAllJobs();
      cancel(new CellCancelled());
    };
    server.on('SIGINT', onInterrupt);
    const work = fn();
    work.catch(() => {}); // after a cancel its rejection is expected and already reported
    try {
      return await Promise.race([work, cancelled]);
    } catch (e) {
      // Cancelled: give the killed tasks a moment to report, so the job has ended (and its progress bar with it)
      // before the prompt comes back; a cell stuck in something other than a job is abandoned after 3 s.
      if (e instanceof CellCancelled) await Promise.race([work.then(noop, noop), delay(3000)]);
      throw e;
    } finally {
      server.removeListener('SIGINT', onInterrupt);
      for (const l of saved) server.on('SIGINT', l);
    }
  }

  // esbuild starts its service on the first transform (~0.2 s): do it now, while the user reads the prompt.
  setImmediate(() => {
    try {
      compileCell('0');
    } catch {
      /* a broken esbuild install shows up on the first real cell instead */
    }
  });

  const history = historyPath();
  if (history && (opts.input ?? process.stdin) === process.stdin && process.stdin.isTTY) {
    server.setupHistory(history, (err) => {
      if (err) output.write(red(`History is off: cannot use ${history}: ${err.message}`) + '\n');
    });
  }

  return new Promise<number>((resolveExit) => {
    server.on('exit', () => {
      void queue
        .catch(() => {})
        .then(() => spark.stop())
        .then(
          () => resolveExit(0),
          () => resolveExit(1),
        );
    });
  });
}

const noop = () => {};
const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());
