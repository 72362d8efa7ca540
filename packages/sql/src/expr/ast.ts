/**
 * Expressions as plain data. They travel inside stage binaries to worker threads, so they are discriminated
 * unions of plain objects (no classes, no functions); `Column` is the user-facing wrapper that builds them.
 * Unresolved forms (a column by name, a function by name) come from the API; the analyzer turns them into bound
 * forms with types and input ordinals.
 */
import { windowExprName } from './window-name.js';
import type { LogicalPlan } from '../plan/logical.js';

export type Expr =
  | {
      kind: 'column';
      name: string;
      /** qualifier from alias(), e.g. "t" in t.col */ qualifier?: string;
      /** col('x').outer(): inside a subquery, resolve against the enclosing query, never the subquery's own input */ outer?: boolean;
    }
  | { kind: 'star'; qualifier?: string }
  | { kind: 'literal'; value: unknown; type: string | null }
  /**
   * `names`: a generator's several output columns (LATERAL VIEW posexplode(a) t AS pos, v; `name` is the last);
   * `qualifier`: the table alias of a generator's columns (the `t` of LATERAL VIEW ... t, so `t.v` resolves).
   */
  | { kind: 'alias'; child: Expr; name: string; names?: string[]; qualifier?: string }
  | { kind: 'unary'; op: UnaryOp; child: Expr }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr }
  | { kind: 'cast'; child: Expr; to: string; ansi: boolean }
  | { kind: 'case'; branches: { when: Expr; then: Expr }[]; otherwise: Expr | null }
  | { kind: 'in'; child: Expr; list: Expr[] }
  | { kind: 'call'; name: string; args: Expr[]; distinct?: boolean }
  | { kind: 'sortOrder'; child: Expr; ascending: boolean; nullsFirst: boolean }
  | { kind: 'window'; fn: Expr; spec: WindowSpecDef }
  /**
   * Subquery expressions (analysis/subquery.ts decorrelates them into joins). Inside `plan`, a column its own
   * inputs cannot resolve is an outer reference, resolved against the enclosing query's input (innermost first).
   * NOT EXISTS / NOT IN are a `unary not` around them.
   */
  | { kind: 'scalarSubquery'; plan: LogicalPlan }
  | { kind: 'exists'; plan: LogicalPlan }
  | { kind: 'inSubquery'; values: Expr[]; plan: LogicalPlan };

/** A window frame: ROWS or RANGE between two bounds; null is unbounded, 0 the current row, n rows/values after. */
export interface WindowFrame {
  type: 'rows' | 'range';
  lower: number | null;
  upper: number | null;
}

/** What `Window.partitionBy(...).orderBy(...).rowsBetween(...)` builds; frame null means Spark's default. */
export interface WindowSpecDef {
  partitionBy: Expr[];
  orderBy: Expr[];
  frame: WindowFrame | null;
}

export type UnaryOp = 'not' | 'negate' | 'isNull' | 'isNotNull' | 'isNaN';

export type BinaryOp =
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | 'div'
  | '='
  | '<=>'
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | 'and'
  | 'or'
  | 'like'
  | 'rlike';

/** Function names of the operators that extract nested values: a[i] / m[k], and s.f (functions/extract.ts). */
export const SUBSCRIPT = '[]';
export const FIELD = '.';

export const col = (name: string, qualifier?: string): Expr => (qualifier ? { kind: 'column', name, qualifier } : { kind: 'column', name });
export const lit = (value: unknown, type: string | null = null): Expr => ({ kind: 'literal', value, type });
export const call = (name: string, ...args: Expr[]): Expr => ({ kind: 'call', name, args });

/** Children of an expression, for generic walks. */
export function children(e: Expr): Expr[] {
  switch (e.kind) {
    case 'column':
    case 'star':
    case 'literal':
    case 'scalarSubquery':
    case 'exists':
      return [];
    case 'inSubquery':
      return e.values;
    case 'alias':
    case 'unary':
    case 'cast':
    case 'sortOrder':
      return [e.child];
    case 'binary':
      return [e.left, e.right];
    case 'case':
      return [...e.branches.flatMap((b) => [b.when, b.then]), ...(e.otherwise ? [e.otherwise] : [])];
    case 'in':
      return [e.child, ...e.list];
    case 'call':
      return e.args;
    case 'window':
      return [e.fn, ...e.spec.partitionBy, ...e.spec.orderBy];
  }
}

/** Whether `pred` holds for `e` or any expression inside it (not looking inside nodes `descend` rejects). */
export function anyExpr(e: Expr, pred: (e: Expr) => boolean, descend: (e: Expr) => boolean = () => true): boolean {
  return pred(e) || (descend(e) && children(e).some((c) => anyExpr(c, pred, descend)));
}

/** Spark's auto-generated column name for an expression, e.g. "(a + 1)", "upper(name)", "count(1)". */
export function exprName(e: Expr): string {
  switch (e.kind) {
    case 'column':
      return e.name;
    case 'star':
      return e.qualifier ? `${e.qualifier}.*` : '*';
    case 'literal':
      return e.value === null ? 'NULL' : typeof e.value === 'string' ? e.value : String(e.value);
    case 'alias':
      return e.name;
    case 'unary':
      return e.op === 'not'
        ? `(NOT ${exprName(e.child)})`
        : e.op === 'negate'
          ? `(- ${exprName(e.child)})`
          : e.op === 'isNull'
            ? `(${exprName(e.child)} IS NULL)`
            : e.op === 'isNotNull'
              ? `(${exprName(e.child)} IS NOT NULL)`
              : `isnan(${exprName(e.child)})`;
    case 'binary': {
      const op = e.op === 'and' ? 'AND' : e.op === 'or' ? 'OR' : e.op === 'like' ? 'LIKE' : e.op === 'rlike' ? 'RLIKE' : e.op;
      return `(${exprName(e.left)} ${op} ${exprName(e.right)})`;
    }
    case 'cast':
      return `CAST(${exprName(e.child)} AS ${e.to.toUpperCase()})`;
    case 'case':
      return `CASE ${e.branches.map((b) => `WHEN ${exprName(b.when)} THEN ${exprName(b.then)}`).join(' ')}${e.otherwise ? ` ELSE ${exprName(e.otherwise)}` : ''} END`;
    case 'in':
      return `(${exprName(e.child)} IN (${e.list.map(exprName).join(', ')}))`;
    case 'call':
      // The subscript and field operators print as Spark names their columns: a[0], m[k], s.f.
      if (e.name === SUBSCRIPT) return `${exprName(e.args[0]!)}[${exprName(e.args[1]!)}]`;
      if (e.name === FIELD) return `${exprName(e.args[0]!)}.${exprName(e.args[1]!)}`;
      return `${e.name}(${e.distinct ? 'DISTINCT ' : ''}${e.args.map(exprName).join(', ')})`;
    case 'sortOrder':
      return `${exprName(e.child)} ${e.ascending ? 'ASC' : 'DESC'} NULLS ${e.nullsFirst ? 'FIRST' : 'LAST'}`;
    case 'window':
      return windowExprName(e.fn, e.spec, exprName);
    // Spark's names for subquery expressions.
    case 'scalarSubquery':
      return 'scalarsubquery()';
    case 'exists':
      return 'exists()';
    case 'inSubquery':
      return `(${e.values.length === 1 ? exprName(e.values[0]!) : `named_struct(${e.values.map(exprName).join(', ')})`} IN (listquery()))`;
  }
}

/** Whether `e` contains a subquery expression (scalar, EXISTS or IN). */
export function containsSubquery(e: Expr): boolean {
  return anyExpr(e, (x) => x.kind === 'scalarSubquery' || x.kind === 'exists' || x.kind === 'inSubquery');
}
