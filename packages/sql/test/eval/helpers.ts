import type { BinaryOp, UnaryOp } from '../../src/expr/ast.js';
import type { Bound } from '../../src/eval/bound.js';
import { resolveBinary, resolveCase, resolveIn, resolveUnary, commonType } from '../../src/eval/coercion.js';
import { evaluate } from '../../src/eval/evaluate.js';
import { lookupFunction } from '../../src/eval/function-registry.js';
import { typeOf } from '../../src/eval/types.js';
import { vecFromValues, vecToValues, type ToValuesOptions } from '../../src/eval/arrow-convert.js';
import type { Vec } from '../../src/eval/vec.js';
import { parseType } from '../../src/types/parse-type.js';
import type { DataType } from '../../src/types/data-types.js';

/** A tiny analyzer for tests: builds typed Bound trees the way the real analyzer types them. */

export function lit(value: unknown, type?: string): Bound {
  if (type) return { kind: 'literal', value, type };
  if (value === null) return { kind: 'literal', value, type: 'void' };
  switch (typeof value) {
    case 'number':
      return { kind: 'literal', value, type: Number.isInteger(value) && value >= -(2 ** 31) && value < 2 ** 31 ? 'int' : 'double' };
    case 'bigint':
      return { kind: 'literal', value, type: 'bigint' };
    case 'string':
      return { kind: 'literal', value, type: 'string' };
    case 'boolean':
      return { kind: 'literal', value, type: 'boolean' };
  }
  throw new Error(`no literal type for ${String(value)}`);
}

export const col = (ordinal: number, type: string): Bound => ({ kind: 'input', ordinal, type, nullable: true });

export function bin(op: BinaryOp, left: Bound, right: Bound): Bound {
  const r = resolveBinary(op, typeOf(left.type), typeOf(right.type), {
    leftLiteral: left.kind === 'literal' ? left.value : undefined,
    rightLiteral: right.kind === 'literal' ? right.value : undefined,
  });
  return { kind: 'binary', op, left, right, type: r.result.simpleString() };
}

export function un(op: UnaryOp, child: Bound): Bound {
  return { kind: 'unary', op, child, type: resolveUnary(op, typeOf(child.type)).result.simpleString() };
}

export function cast(child: Bound, type: string, ansi = true): Bound {
  return { kind: 'cast', child, type: parseType(type).simpleString(), ansi };
}

export function fn(name: string, ...args: Bound[]): Bound {
  const f = lookupFunction(name);
  if (!f) throw new Error(`no function ${name}`);
  const r = f.resolve(
    args.map((a) => typeOf(a.type)),
    args.map((a) => (a.kind === 'literal' ? a.value : undefined)),
  );
  return { kind: 'call', name, args, type: r.returnType.simpleString() };
}

export function caseWhen(branches: [Bound, Bound][], otherwise: Bound | null = null): Bound {
  const r = resolveCase(
    branches.map(([w]) => typeOf(w.type)),
    [...branches.map(([, t]) => typeOf(t.type)), ...(otherwise ? [typeOf(otherwise.type)] : [])],
  );
  return { kind: 'case', branches: branches.map(([when, then]) => ({ when, then })), otherwise, type: r.result.simpleString() };
}

export function inList(child: Bound, ...list: Bound[]): Bound {
  resolveIn(typeOf(child.type), list.map((x) => typeOf(x.type)));
  return { kind: 'in', child, list, type: 'boolean' };
}

/** Evaluates over the given columns (or one row with no columns) and returns JS row values. */
export function run(b: Bound, cols: Vec[] = [], opts?: ToValuesOptions): unknown[] {
  const n = cols.length ? cols[0]!.length : 1;
  return vecToValues(evaluate(b, cols, n), opts);
}

/** The single value of a constant expression. */
export function one(b: Bound, opts?: ToValuesOptions): unknown {
  return run(b, [], opts)[0];
}

export function column(type: string, values: unknown[]): Vec {
  return vecFromValues(parseType(type), values);
}

export const t = (s: string): DataType => parseType(s);
export { commonType };
