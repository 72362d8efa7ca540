import * as arrow from 'apache-arrow';
import { describe, expect, test } from 'vitest';
import type { BinaryOp } from '../src/expr/ast.js';
import type { Bound } from '../src/eval/bound.js';
import { evaluate } from '../src/eval/evaluate.js';
import { exactDecimalVec, exactOf } from '../src/eval/exact-decimal.js';
import type { Vec } from '../src/eval/vec.js';
import { decodeBatches } from '../src/exec/batch-codec.js';
import { fromRecordBatch, type ColumnarBatch } from '../src/exec/columnar-batch.js';
import { cacheBlocks } from '../src/exec/dictionary-encode.js';
import { compileSelection } from '../src/exec/selection.js';
import { bin, col, column, inList, lit, t, un } from './eval/helpers.js';

/** The rows a filter keeps, as the evaluator defines them: where the condition is true (not false, not NULL). */
function expected(cond: Bound, cols: Vec[], n: number): number[] {
  const v = evaluate(cond, cols, n);
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (v.values[i] === 1 && !(v.nulls && v.nulls[i] === 1)) out.push(i);
  return out;
}

function selected(cond: Bound, cols: Vec[], n: number, batch?: ColumnarBatch): number[] {
  const { rows, count } = compileSelection(cond)(batch ?? { names: cols.map((_, i) => `c${i}`), columns: cols, length: n });
  return rows === null ? Array.from({ length: n }, (_, i) => i) : Array.from(rows.subarray(0, count));
}

const OPS: BinaryOp[] = ['=', '!=', '<', '<=', '>', '>='];

/** A deterministic pseudo-random sequence (the cases must be the same on every run). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('compileSelection', () => {
  const r = rng(7);
  const n = 300;
  const pick = <T,>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  const cases: [string, unknown[], unknown[]][] = [
    ['int', Array.from({ length: n }, () => (r() < 0.1 ? null : Math.floor(r() * 20) - 10)), [-11, -3, 0, 4, 10]],
    ['bigint', Array.from({ length: n }, () => (r() < 0.1 ? null : BigInt(Math.floor(r() * 20) - 10))), [-3n, 0n, 9n]],
    ['date', Array.from({ length: n }, () => (r() < 0.1 ? null : `1994-0${1 + Math.floor(r() * 9)}-15`)), ['1994-03-15', '1994-06-01']],
    ['double', Array.from({ length: n }, () => (r() < 0.1 ? null : pick([NaN, -0, 0, 1.5, -2, Infinity, -Infinity, 3]))), [NaN, 0, -0, 1.5, Infinity]],
    ['float', Array.from({ length: n }, () => (r() < 0.1 ? null : pick([NaN, 0.1, 2.5, -1]))), [0.1, NaN, 2.5]],
  ];

  test.each(cases)('column op literal over %s matches the evaluator, literal on either side, with NULLs', (type, values, literals) => {
    const c = column(type, values);
    for (const op of OPS) {
      for (const v of literals) {
        for (const cond of [bin(op, col(0, type), lit(v, type)), bin(op, lit(v, type), col(0, type))]) {
          expect(selected(cond, [c], n), `${type} ${op} ${String(v)}`).toEqual(expected(cond, [c], n));
        }
      }
    }
  });

  test.each(cases)('column op column over %s matches the evaluator, with NULLs', (type, values) => {
    const other = [...values.slice(7), ...values.slice(0, 7)]; // the same values, rotated: equal, less and greater rows
    const cols = [column(type, values), column(type, other)];
    for (const op of OPS) {
      const cond = bin(op, col(0, type), col(1, type));
      expect(selected(cond, cols, n), `${type} ${op}`).toEqual(expected(cond, cols, n));
    }
  });

  test('a NULL literal selects nothing', () => {
    const c = column('int', [1, 2, null]);
    expect(selected(bin('=', col(0, 'int'), lit(null, 'int')), [c], 3)).toEqual([]);
  });

  test('decimals: exact-form batches and bigint batches give the same rows', () => {
    const values = Array.from({ length: n }, () => (r() < 0.1 ? null : pick(['-3.50', '0.00', '7.25', '999.99', '-0.01', '12.34'])));
    const big = column('decimal(15,2)', values);
    expect(exactOf(big)).toBeNull();
    const doubles = new Float64Array(n);
    values.forEach((v, i) => {
      if (v !== null) doubles[i] = Number((big.values as bigint[])[i]!);
    });
    const exact = exactDecimalVec(t('decimal(15,2)'), doubles, big.nulls, n);
    for (const op of OPS) {
      // column against column: exact against exact, and bigint against exact (the evaluator's path)
      const cond = bin(op, col(0, 'decimal(15,2)'), col(1, 'decimal(15,2)'));
      const rotated = column('decimal(15,2)', [...values.slice(5), ...values.slice(0, 5)]);
      const want = expected(cond, [big, rotated], n);
      expect(selected(cond, [exact, exactDecimalVec(t('decimal(15,2)'), Float64Array.from(rotated.values as (bigint | null)[], (x) => Number(x ?? 0n)), rotated.nulls, n)], n)).toEqual(want);
      expect(selected(cond, [exact, rotated], n)).toEqual(want);
    }
    for (const op of OPS) {
      for (const v of ['-3.50', '0.00', '7.25', '999.99']) {
        const cond = bin(op, col(0, 'decimal(15,2)'), lit(v, 'decimal(15,2)'));
        const want = expected(cond, [big], n);
        expect(selected(cond, [big], n)).toEqual(want);
        expect(selected(cond, [exact], n)).toEqual(want);
      }
    }
  });

  test('conjunctions narrow conjunct by conjunct and mix fast and evaluated conjuncts', () => {
    const xs = Array.from({ length: n }, (_, i) => (i % 11 === 0 ? null : i % 37));
    const ys = Array.from({ length: n }, (_, i) => (i % 13 === 0 ? null : (i * 7) % 50));
    const cols = [column('int', xs), column('int', ys)];
    const x = col(0, 'int');
    const y = col(1, 'int');
    const conds = [
      bin('and', bin('>=', x, lit(3)), bin('<', x, lit(30))),
      bin('and', bin('and', bin('>=', x, lit(3)), bin('<', bin('+', x, y), lit(40))), bin('!=', y, lit(7))),
      bin('and', bin('or', bin('=', x, lit(1)), bin('=', y, lit(2))), bin('>', y, lit(0))),
      bin('and', bin('>', x, lit(100)), bin('<', y, lit(10))), // the first conjunct keeps nothing
      bin('and', bin('>=', x, lit(0)), bin('>=', y, lit(0))), // keeps all non-NULL rows
      bin('>', bin('*', x, lit(2)), y), // no literal comparison at all
    ];
    for (const cond of conds) expect(selected(cond, cols, n)).toEqual(expected(cond, cols, n));
  });

  test('every row kept gives rows === null', () => {
    const c = column('int', [1, 2, 3]);
    expect(compileSelection(bin('>', col(0, 'int'), lit(0)))({ names: ['c'], columns: [c], length: 3 })).toEqual({ rows: null, count: 3 });
  });

  test('a later conjunct is not evaluated at rows an earlier one dropped (no error there), but raises at kept rows', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i % 10);
    const c = column('int', xs);
    const x = col(0, 'int');
    const div = bin('>', bin('/', lit(100), x), lit(20));
    // x = 0 at one row in ten: dropped first, so 100 / x never meets a zero
    expect(selected(bin('and', bin('!=', x, lit(0)), div), [c], 100)).toEqual(xs.flatMap((v, i) => (v !== 0 && 100 / v > 20 ? [i] : [])));
    // few rows kept: the division runs on those only
    expect(selected(bin('and', bin('>', x, lit(7)), div), [c], 100)).toEqual([]);
    expect(() => selected(bin('and', bin('>=', x, lit(0)), div), [c], 100)).toThrow(/DIVIDE_BY_ZERO|divi/i);
  });

  test("string = / != / IN literals over JS strings, Arrow UTF-8 and a dictionary give the evaluator's rows", () => {
    const words = ['x', 'ä', '', 'zzz', 'xy', 'special packages requests', 'requests special', 'äxä'];
    const rows = 2000; // the cache dictionary-encodes a block's strings from 1024 rows on
    const values = Array.from({ length: rows }, (_, i) => (i % 9 === 4 ? null : words[(i * 7) % words.length]!));
    const plain = new arrow.RecordBatch({ w: arrow.vectorFromArray(values, new arrow.Utf8()).data[0]! });
    const blocks = [...cacheBlocks([plain])];
    const dict = decodeBatches(blocks[0]!)[0]!;
    expect(dict.schema.fields[0]!.type).toBeInstanceOf(arrow.Dictionary);
    const forms: [string, ColumnarBatch][] = [
      ['js', { names: ['w'], columns: [column('string', values)], length: rows }],
      ['utf8', fromRecordBatch(plain)],
      ['dictionary', fromRecordBatch(dict)],
    ];
    const w = col(0, 'string');
    const conds = [
      bin('=', w, lit('ä')),
      bin('=', lit('zzz'), w),
      bin('!=', w, lit('')),
      bin('=', w, lit('nope')),
      bin('=', w, lit(null, 'string')),
      inList(w, lit('x'), lit('xy')),
      inList(w, lit('x'), lit(null, 'string')),
      bin('and', bin('!=', w, lit('x')), inList(w, lit('x'), lit('zzz'), lit(''))),
      un('not', inList(w, lit('x'), lit('zzz'))),
      un('not', inList(w, lit('x'), lit(null, 'string'))), // NULL at every unmatched row: nothing selected
      un('not', bin('=', w, lit('x'))),
      ...['x%', '%y', '%special%requests%', '%ä', 'ä%ä', '%', '', 'x', '%zz%z%', '_y', 'x_', '%s%'].flatMap((pat) => [
        bin('like', w, lit(pat)),
        un('not', bin('like', w, lit(pat))),
      ]),
    ];
    const js = forms[0]![1];
    for (const cond of conds) {
      const want = expected(cond, js.columns, rows);
      for (const [name, batch] of forms) expect(selected(cond, batch.columns, rows, batch), name).toEqual(want);
    }
  });

  test('LIKE with a middle word: occurrences across two rows, or repeated in one, match as the evaluator says', () => {
    // Adjacent rows whose bytes join into the word ('a requ' + 'ests b'), words twice in a row, rows shorter than it.
    const words = ['a requ', 'ests b', 'requests', null, 'xrequestsx', 'requ', 'ests', '', 'special requests', 'requests special', 'requestsrequests'];
    const rows = 2000;
    const values = Array.from({ length: rows }, (_, i) => words[i % words.length]!);
    const plain = new arrow.RecordBatch({ w: arrow.vectorFromArray(values, new arrow.Utf8()).data[0]! });
    const dict = decodeBatches([...cacheBlocks([plain])][0]!)[0]!;
    const forms: [string, ColumnarBatch][] = [
      ['js', { names: ['w'], columns: [column('string', values)], length: rows }],
      ['utf8', fromRecordBatch(plain)],
      ['dictionary', fromRecordBatch(dict)],
    ];
    const w = col(0, 'string');
    const conds = ['%requests%', '%special%requests%', '%requests%special%', 'req%uests%', '%ests%requ%', '%requests%requests%'].flatMap((pat) => [
      bin('like', w, lit(pat)),
      un('not', bin('like', w, lit(pat))),
      // an earlier conjunct first: the LIKE then reads only the rows it kept
      bin('and', bin('!=', w, lit('requests')), bin('like', w, lit(pat))),
    ]);
    for (const cond of conds) {
      const want = expected(cond, forms[0]![1].columns, rows);
      for (const [name, batch] of forms) expect(selected(cond, batch.columns, rows, batch), name).toEqual(want);
    }
    // the rows that hold the word only across their boundary are not selected
    expect(selected(bin('like', w, lit('%requests%')), forms[1]![1].columns, 11, forms[1]![1]).filter((r) => r < 11)).toEqual([2, 4, 8, 9, 10]);
  });

  test("the batches of a cached block share a dictionary: the second batch's new entries are matched too", () => {
    // 1200 rows each (the cache dictionary-encodes from 1024 rows on): a, b, a, NULL, ... then c, b, c, d, ...
    const rb = (ws: (string | null)[]) =>
      new arrow.RecordBatch({ w: arrow.vectorFromArray(Array.from({ length: 1200 }, (_, i) => ws[i % ws.length]!), new arrow.Utf8()).data[0]! });
    const [b1, b2] = decodeBatches([...cacheBlocks([rb(['a', 'b', 'a', null, 'a', 'b']), rb(['c', 'b', 'c', 'd', 'c', 'a'])])][0]!).map(fromRecordBatch);
    expect(b2!.arrow![0]!.typeId).toBe(arrow.Type.Dictionary);
    const f = compileSelection(inList(col(0, 'string'), lit('b'), lit('c')));
    const first = (b: ColumnarBatch) => {
      const s = f(b);
      return s.rows === null ? 'all' : Array.from(s.rows.subarray(0, 6));
    };
    expect(first(b1!)).toEqual([1, 5, 7, 11, 13, 17]);
    expect(first(b2!)).toEqual([0, 1, 2, 4, 6, 7]);
  });
});
