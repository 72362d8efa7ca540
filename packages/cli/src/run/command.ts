import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliError, EXIT } from '../errors.js';

const USAGE = `Usage: kindling run [--master local[N]] [--no-progress] script.ts [args...]

Runs a TypeScript or JavaScript file (.ts, .mts, .js, .mjs) with no build step. The script imports the engine as
usual (import { Session } from '@kindling/sql'); those imports resolve even outside a project that depends on it.
Arguments after the script are the script's own (process.argv.slice(2)).
--master sets the default master: Session.builder().getOrCreate() without .master() uses it (KINDLING_MASTER).
`;

/**
 * Runs the script in a child Node process started with a preload (`--import`) that registers tsx's TypeScript
 * loader and a resolver for `@kindling/*`. A preload, unlike hooks registered inside this process, is inherited by
 * the worker threads `local[N]` starts, so modules the workers import (moduleFunction) may be TypeScript too.
 */
export async function runCommand(args: string[]): Promise<number> {
  let master: string | undefined;
  let progress = true;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE);
      return EXIT.ok;
    } else if (a === '--no-progress') progress = false;
    else if (a === '--master') master = args[++i];
    else if (a.startsWith('--master=')) master = a.slice('--master='.length);
    else if (a.startsWith('-')) throw new CliError('INVALID_ARGUMENT', `kindling run: unknown option '${a}' before the script. ${USAGE.split('\n')[0]}`);
    else break;
  }
  const script = args[i];
  if (!script) throw new CliError('INVALID_ARGUMENT', `kindling run needs a script. ${USAGE.split('\n')[0]}`);
  const path = resolve(script);
  if (!existsSync(path)) throw new CliError('SCRIPT_NOT_FOUND', `Script ${path} does not exist.`);
  if (master !== undefined && !/^local(\[(\d+|\*)\])?$/.test(master)) {
    throw new CliError('INVALID_MASTER', `--master '${master}' is not a master URL; use local, local[N] or local[*].`);
  }
  const preload = new URL('./register.js', import.meta.url).href;
  const env = { ...process.env, KINDLING_CONSOLE_PROGRESS: progress ? '1' : '0', ...(master ? { KINDLING_MASTER: master } : {}) };
  const child = spawn(process.execPath, [...process.execArgv, '--import', preload, path, ...args.slice(i + 1)], { stdio: 'inherit', env });
  // Ctrl-C reaches the child directly (same process group); this process only waits for it to finish.
  const ignore = () => {};
  process.on('SIGINT', ignore);
  try {
    return await new Promise<number>((res, rej) => {
      child.on('error', rej);
      child.on('exit', (code, signal) => res(code ?? (signal === 'SIGINT' ? EXIT.interrupted : EXIT.failed)));
    });
  } finally {
    process.off('SIGINT', ignore);
  }
}
