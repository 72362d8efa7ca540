/** Error messages for functions that cannot be shipped: what, where (line, column, caret) and how to fix it. */
import { ClosureError } from '../errors.js';
import type { FunctionAnalysis } from './analyze.js';
import { locate } from './source-location.js';
import { toolNote } from './tools.js';

/**
 * A function being shipped and how it was reached: the root (the function given to the transformation) or a
 * function captured by another one, as `path` (a variable name, or a path into a captured value).
 */
export interface FunctionSite {
  readonly op: string;
  readonly parent?: FunctionSite;
  readonly path?: string;
  /** Where the parent function refers to the captured variable that leads here. */
  readonly at?: UseSite;
}

/** A use of a variable inside a function's source. */
export interface UseSite {
  readonly site: FunctionSite;
  readonly analysis: FunctionAnalysis;
  readonly start: number;
  readonly name: string;
}

export const FIXES = [
  'broadcast it: `const b = sc.broadcast(value)` on the driver, then read `b.value` inside the function (shipped once per worker thread, see docs/SHARED-VARIABLES.md);',
  'pass the data explicitly as a plain value: copy what the function needs into a local const first (numbers, strings, arrays, plain objects, Map, Set, Date, typed arrays are copied to the workers);',
  "or reference a function exported from a module, which each worker imports itself: const f = await moduleFunction(import.meta.url, 'name').",
];

/** `the function passed to map`, or `` `helper` (captured by the function passed to map) ``. */
export function describeSite(site: FunctionSite): string {
  if (!site.parent) return `the function passed to ${site.op}`;
  const chain: string[] = [];
  for (let s: FunctionSite | undefined = site.parent; s; s = s.parent) {
    chain.push(s.parent ? `\`${s.path}\`` : `the function passed to ${s.op}`);
  }
  return `\`${site.path}\` (captured by ${chain.join(', captured by ')})`;
}

/** `it captures `helper`, which captures `config`` for the chain of captures from the root to `use`. */
export function captureChain(site: FunctionSite, variable?: string): string {
  const paths: string[] = [];
  for (let s: FunctionSite | undefined = site; s?.parent; s = s.parent) paths.unshift(s.path ?? '?');
  if (variable !== undefined) paths.push(variable);
  if (paths.length === 0) return '';
  return `it captures ${paths.map((p) => `\`${p}\``).join(', which captures ')}`;
}

export function rootName(site: FunctionSite): string {
  let s = site;
  while (s.parent) s = s.parent;
  return `the function passed to ${s.op}`;
}

export function whereUsed(use: UseSite, what = `\`${use.name}\` is used`): string {
  const { line, column, snippet } = locate(use.analysis.source, use.start);
  return `${what} at line ${line}, column ${column} of ${describeSite(use.site)}:\n${snippet}`;
}

export interface ProblemReport {
  readonly code: string;
  /** First sentence, after "Cannot ship <root>: ". */
  readonly problem: string;
  readonly explanation?: string | undefined;
  readonly use?: UseSite | undefined;
  /** Identifiers whose tool notes (vitest, istanbul, esbuild) apply. */
  readonly names?: readonly string[];
  readonly fixes?: readonly string[];
  readonly cause?: unknown;
}

export function closureError(site: FunctionSite, report: ProblemReport): ClosureError {
  const parts = [`Cannot ship ${rootName(site)}: ${report.problem}`];
  if (report.explanation) parts.push(report.explanation);
  if (report.use) parts.push(whereUsed(report.use));
  const notes = new Set<string>();
  const names = [...(report.names ?? [])];
  for (let s: FunctionSite | undefined = site; s?.parent; s = s.parent) {
    const head = /^[A-Za-z_$][\w$]*/.exec(s.path ?? '');
    if (head) names.unshift(head[0]);
  }
  for (const name of names) {
    const note = toolNote(name);
    if (note) notes.add(note);
  }
  parts.push(...notes);
  const fixes = report.fixes ?? FIXES;
  if (fixes.length > 0) parts.push(`How to fix it:\n${fixes.map((f) => `  - ${f}`).join('\n')}`);
  return new ClosureError(report.code, parts.join('\n'), report.cause === undefined ? undefined : { cause: report.cause });
}

/** Formats a property access for a path: `.name` or `["odd key"]`. */
export function member(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

/** Formats a Map key for a path: `.get("a")`, `.get(3)`, or a position for object keys. */
export function mapKey(key: unknown, position: number): string {
  switch (typeof key) {
    case 'string':
      return `.get(${JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key)})`;
    case 'number':
    case 'boolean':
      return `.get(${String(key)})`;
    case 'bigint':
      return `.get(${String(key)}n)`;
    default:
      return ` (value of entry ${position})`;
  }
}
