import type { Session } from '@kindling/sql';
import { DataFrame } from '@kindling/sql';

export type Completion = [string[], string];

const JS_KEYWORDS = ['await', 'async', 'const', 'let', 'function', 'class', 'return', 'if', 'else', 'for', 'while', 'new', 'typeof', 'import', 'true', 'false', 'null', 'undefined'];

export const SQL_KEYWORDS = [
  'SELECT', 'FROM', 'WHERE', 'GROUP BY', 'ORDER BY', 'HAVING', 'LIMIT', 'OFFSET', 'JOIN', 'LEFT', 'RIGHT', 'FULL', 'OUTER', 'INNER', 'CROSS',
  'SEMI', 'ANTI', 'ON', 'USING', 'AS', 'AND', 'OR', 'NOT', 'IN', 'IS', 'NULL', 'LIKE', 'BETWEEN', 'CASE', 'WHEN', 'THEN', 'ELSE', 'END',
  'DISTINCT', 'UNION', 'ALL', 'INTERSECT', 'EXCEPT', 'WITH', 'CAST', 'ASC', 'DESC', 'OVER', 'PARTITION BY', 'CREATE', 'TEMPORARY', 'VIEW',
  'OR REPLACE', 'SHOW', 'TABLES', 'DESCRIBE', 'EXPLAIN', 'COUNT', 'SUM', 'AVG', 'MIN', 'MAX', 'TRUE', 'FALSE',
];

/** Sources of names: the session (views and their columns) and the shell's globals (variables). */
export interface CompletionScope {
  session: Session;
  globals: Record<string, unknown>;
  commands: string[];
}

function views(scope: CompletionScope): string[] {
  return scope.session.catalog.listTables();
}

function viewColumns(scope: CompletionScope): string[] {
  const out = new Set<string>();
  for (const v of views(scope)) {
    try {
      for (const c of scope.session.table(v).columns) out.add(c);
    } catch {
      /* a view that no longer resolves offers no columns */
    }
  }
  return [...out];
}

/** Columns of every DataFrame in a variable, and of every view: what `col('` may name. */
function allColumns(scope: CompletionScope): string[] {
  const out = new Set(viewColumns(scope));
  for (const name of Object.keys(scope.globals)) {
    const v = safeGet(scope.globals, name);
    if (v instanceof DataFrame) for (const c of v.columns) out.add(c);
  }
  return [...out];
}

function matching(candidates: Iterable<string>, prefix: string, caseInsensitive = false): string[] {
  const p = caseInsensitive ? prefix.toLowerCase() : prefix;
  const out = [...new Set(candidates)].filter((c) => (caseInsensitive ? c.toLowerCase() : c).startsWith(p));
  return out.sort();
}

function safeGet(obj: unknown, key: string): unknown {
  try {
    return (obj as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

/** Property names of a value, through its prototype chain: the methods of a DataFrame, a Column, an RDD. */
function membersOf(value: unknown): string[] {
  const out = new Set<string>();
  let o: unknown = value;
  if (o === null || o === undefined) return [];
  if (typeof o !== 'object' && typeof o !== 'function') o = Object(o);
  for (let depth = 0; o && o !== Object.prototype && o !== Function.prototype && depth < 10; depth++) {
    for (const k of Object.getOwnPropertyNames(o)) if (k !== 'constructor' && /^[A-Za-z_$][\w$]*$/.test(k)) out.add(k);
    o = Object.getPrototypeOf(o);
  }
  return [...out];
}

/** Follows `a.b.c` from the globals without calling anything (getters aside), so completion never runs a job. */
function resolvePath(path: string, scope: CompletionScope): unknown {
  let v: unknown = scope.globals;
  for (const part of path.split('.')) {
    if (v === null || v === undefined) return undefined;
    v = safeGet(v, part);
  }
  return v;
}

/** SQL: view names after FROM/JOIN/TABLE, else keywords, views and columns. */
export function completeSql(line: string, scope: CompletionScope): Completion {
  const m = /([A-Za-z_][\w]*)?$/.exec(line)!;
  const word = m[1] ?? '';
  const before = line.slice(0, line.length - word.length);
  if (/\b(from|join|table|into|describe)\s+$/i.test(before)) return [matching(views(scope), word, true), word];
  const upper = word === word.toUpperCase() && word !== '';
  const keywords = SQL_KEYWORDS.map((k) => (upper || word === '' ? k : k.toLowerCase()));
  return [matching([...views(scope), ...viewColumns(scope), ...keywords], word, true), word];
}

/** Shell commands, and the view or variable they take. */
export function completeCommand(line: string, scope: CompletionScope): Completion {
  const m = /^:(\w*)$/.exec(line);
  if (m) return [matching(scope.commands, m[1]!).map((c) => `:${c}`), line];
  const arg = /^:(schema|explain)\s+([\w$]*)$/.exec(line);
  if (arg) {
    const dfs = Object.keys(scope.globals).filter((k) => safeGet(scope.globals, k) instanceof DataFrame);
    return [matching([...views(scope), ...dfs], arg[2]!), arg[2]!];
  }
  return [[], line];
}

/** TypeScript/JavaScript: members after a dot, column and view names inside strings, names otherwise. */
export function completeCode(line: string, scope: CompletionScope): Completion {
  // Inside a string argument: spark.table('… → views; df.select('… / col('… → columns.
  const str = /(?:([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\.)?([A-Za-z_$][\w$]*)\(\s*(?:(?:'[^']*'|"[^"]*")\s*,\s*)*(['"])([^'"]*)$/.exec(line);
  if (str) {
    const [, receiver, method, , prefix = ''] = str;
    const target = receiver ? resolvePath(receiver, scope) : undefined;
    if (method === 'table' || method === 'sql') return [matching(views(scope), prefix), prefix];
    if (target instanceof DataFrame) return [matching(target.columns, prefix), prefix];
    return [matching(allColumns(scope), prefix), prefix];
  }
  const member = /([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\.([A-Za-z_$][\w$]*)?$/.exec(line);
  if (member) {
    const prefix = member[2] ?? '';
    const target = resolvePath(member[1]!, scope);
    if (target === undefined) return [[], prefix];
    const names = membersOf(target).filter((n) => !n.startsWith('_') || prefix.startsWith('_'));
    return [matching(names, prefix), prefix];
  }
  const ident = /([A-Za-z_$][\w$]*)$/.exec(line);
  const prefix = ident?.[1] ?? '';
  if (!prefix) return [[], ''];
  if (line.slice(0, line.length - prefix.length).endsWith('.')) return [[], prefix]; // a member of a call's result: unknown
  return [matching([...Object.getOwnPropertyNames(scope.globals), ...JS_KEYWORDS], prefix), prefix];
}
