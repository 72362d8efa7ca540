import { JobFailedError } from '@kindling/core';

/**
 * A mistake in how the command was called (an unknown option, a missing argument, a bad `--table`). The message says
 * what to type instead; the process exits with status 2, as Unix tools do for usage errors.
 */
export class CliError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(`[${code}] ${message}`);
    this.name = 'CliError';
    this.code = code;
  }
}

/** A statement of a SQL script failed: the statement's own error, and where in the script (and which file) it was. */
export class StatementFailure extends Error {
  constructor(
    readonly error: unknown,
    readonly where: string,
  ) {
    super(error instanceof Error ? error.message : String(error), { cause: error });
    this.name = 'StatementFailure';
  }
}

/** Exit statuses: 0 success, 1 the query or script failed, 2 the command line was wrong, 130 interrupted. */
export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

export function exitCodeOf(e: unknown): number {
  return e instanceof CliError ? EXIT.usage : EXIT.failed;
}

interface Coded {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  name?: unknown;
}

/**
 * An error as the user should read it: Kindling's errors already say what went wrong and where (`[CODE] ...`, SQL
 * errors with line, column and a caret), so they print as they are. A failed job prints the task's own error first
 * (a malformed record, an overflow) and then which task it was; anything else prints as `Name: message`. Stacks
 * are left out (the shell's `:trace` shows them).
 */
export function formatError(e: unknown): string {
  if (e instanceof StatementFailure) return `${formatError(e.error)}\n(${e.where})`;
  if (!(e instanceof Error)) return `Error: ${String(e)}`;
  if (e instanceof JobFailedError) {
    const root = rootCause(e);
    const where = `(job ${e.details.jobId} aborted${e.details.stageId !== undefined ? `: task for partition ${e.details.partition} in stage ${e.details.stageId} failed` : ''})`;
    if (root && root !== e) return `${describe(root)}\n${where}`;
  }
  return describe(e);
}

function describe(e: Coded): string {
  const message = String(e.message ?? '');
  if (typeof e.code === 'string' && message.startsWith('[')) return message;
  const name = typeof e.name === 'string' && e.name ? e.name : 'Error';
  return `${name}: ${message}`;
}

function rootCause(e: Error): Coded | null {
  let cur: Coded = e;
  const seen = new Set<unknown>();
  while (cur.cause && typeof cur.cause === 'object' && !seen.has(cur.cause)) {
    seen.add(cur.cause);
    cur = cur.cause as Coded;
  }
  return cur === e ? null : cur;
}

/** The full story for `:trace`: every stack down the cause chain. */
export function fullTrace(e: unknown): string {
  const parts: string[] = [];
  let cur: unknown = e;
  const seen = new Set<unknown>();
  while (cur !== undefined && cur !== null && !seen.has(cur)) {
    seen.add(cur);
    parts.push(cur instanceof Error ? (cur.stack ?? `${cur.name}: ${cur.message}`) : String(cur));
    cur = cur instanceof Error ? cur.cause : undefined;
  }
  return parts.join('\nCaused by: ');
}
