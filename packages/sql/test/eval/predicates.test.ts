import { describe, expect, test } from 'vitest';
import { SqlError } from '../../src/eval/errors.js';
import { bin, caseWhen, cast, col, column, fn, inList, lit, one, run, un } from './helpers.js';

const nan = cast(lit('NaN'), 'double');
const T = lit(true);
const F = lit(false);
const N = lit(null, 'boolean');

function code(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof SqlError) return e.code;
    throw e;
  }
  throw new Error('expected an error');
}

describe('comparison', () => {
  test('numbers, strings, booleans, dates, timestamps, decimals', () => {
    expect(one(bin('<', lit(1), lit(2)))).toBe(true);
    expect(one(bin('>=', lit(2n), lit(2)))).toBe(true);
    expect(one(bin('=', lit(1), lit(1.0, 'double')))).toBe(true);
    expect(one(bin('<', lit('abc'), lit('abd')))).toBe(true);
    expect(one(bin('<', F, T))).toBe(true);
    expect(one(bin('!=', lit('a'), lit('b')))).toBe(true);
    expect(one(bin('<', cast(lit('2020-01-01'), 'date'), cast(lit('2020-01-02'), 'date')))).toBe(true);
    expect(one(bin('=', cast(lit('2020-01-01'), 'date'), cast(lit('2020-01-01 00:00:00'), 'timestamp')))).toBe(true);
    expect(one(bin('=', cast(lit(1), 'bigint'), cast(lit('1'), 'decimal(5,2)')))).toBe(true);
    expect(one(bin('<', cast(lit('1.5'), 'decimal(5,2)'), cast(lit('1.51'), 'decimal(10,4)')))).toBe(true);
  });

  test('NaN equals NaN and is larger than every number; -0.0 = 0.0', () => {
    expect(one(bin('=', nan, nan))).toBe(true);
    expect(one(bin('>', nan, lit(1e300)))).toBe(true);
    expect(one(bin('<', lit(1e300), nan))).toBe(true);
    expect(one(bin('<=', nan, nan))).toBe(true);
    expect(one(bin('!=', nan, lit(1.5)))).toBe(true);
    expect(one(bin('=', lit(0, 'double'), lit(-0, 'double')))).toBe(true);
  });

  test('null in, null out; <=> is null-safe', () => {
    expect(one(bin('=', lit(null), lit(1)))).toBe(null);
    expect(one(bin('<', lit(1), lit(null, 'int')))).toBe(null);
    expect(one(bin('<=>', lit(null), lit(null)))).toBe(true);
    expect(one(bin('<=>', lit(1), lit(null)))).toBe(false);
    expect(one(bin('<=>', lit(1), lit(1)))).toBe(true);
    const a = column('int', [1, null, null, 2]);
    const b = column('int', [1, 1, null, 3]);
    expect(run(bin('<=>', col(0, 'int'), col(1, 'int')), [a, b])).toEqual([true, false, true, false]);
    expect(run(bin('=', col(0, 'int'), col(1, 'int')), [a, b])).toEqual([true, null, null, false]);
  });

  test('string against number or date is cast (ANSI)', () => {
    expect(one(bin('=', lit('1'), lit(1)))).toBe(true);
    expect(() => one(bin('=', lit('a'), lit(1)))).toThrow(/CAST_INVALID_INPUT.*'a'.*"BIGINT"/);
    expect(() => one(bin('=', lit('1.5'), lit(1)))).toThrow('CAST_INVALID_INPUT');
    expect(one(bin('=', lit('1.5'), lit(1.5)))).toBe(true);
    expect(one(bin('=', lit('1.00000000000000001'), cast(lit(1), 'decimal(38,20)')))).toBe(true);
    expect(one(bin('=', lit('true'), T))).toBe(true);
    expect(() => one(bin('=', lit('x'), T))).toThrow('"BOOLEAN"');
    expect(one(bin('=', lit('2020-01-01'), cast(lit('2020-01-01'), 'date')))).toBe(true);
    expect(one(bin('=', lit('2020-01-01 x'), cast(lit('2020-01-01'), 'date')))).toBe(true);
    expect(() => one(bin('=', lit('foo'), cast(lit('2020-01-01'), 'date')))).toThrow('"DATE"');
    expect(one(bin('<', lit('2020-01-01'), cast(lit('2020-01-01 00:00:01'), 'timestamp')))).toBe(true);
    expect(code(() => bin('=', T, lit(1)))).toBe('DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES');
  });

  test('arrays and structs compare element by element', () => {
    expect(one(bin('<', fn('array', lit(1), lit(2)), fn('array', lit(1), lit(3))))).toBe(true);
    expect(one(bin('=', fn('array', lit(1), lit(null, 'int')), fn('array', lit(1), lit(null, 'int'))))).toBe(true);
    expect(one(bin('<', fn('array', lit(1)), fn('array', lit(1), lit(0))))).toBe(true);
    expect(one(bin('=', fn('struct', lit(1), lit('a')), fn('struct', lit(1), lit('a'))))).toBe(true);
  });
});

describe('logic', () => {
  test('three-valued AND / OR / NOT', () => {
    expect(one(bin('and', T, T))).toBe(true);
    expect(one(bin('and', T, F))).toBe(false);
    expect(one(bin('and', F, N))).toBe(false);
    expect(one(bin('and', N, F))).toBe(false);
    expect(one(bin('and', T, N))).toBe(null);
    expect(one(bin('and', N, N))).toBe(null);
    expect(one(bin('or', N, T))).toBe(true);
    expect(one(bin('or', T, N))).toBe(true);
    expect(one(bin('or', F, N))).toBe(null);
    expect(one(bin('or', F, F))).toBe(false);
    expect(one(un('not', N))).toBe(null);
    expect(one(un('not', T))).toBe(false);
    expect(one(bin('and', lit(null), T))).toBe(null);
    expect(bin('and', T, lit('true')).type).toBe('boolean');
  });

  test('the right side is not evaluated where the left decides (short-circuit)', () => {
    const x = column('int', [0, 5, 10]);
    // x <> 0 AND 10 / x > 1 — no DIVIDE_BY_ZERO for x = 0
    const e = bin('and', bin('!=', col(0, 'int'), lit(0)), bin('>', bin('/', lit(10), col(0, 'int')), lit(1)));
    expect(run(e, [x])).toEqual([false, true, false]);
    const o = bin('or', bin('=', col(0, 'int'), lit(0)), bin('>', bin('/', lit(10), col(0, 'int')), lit(1)));
    expect(run(o, [x])).toEqual([true, true, false]);
  });

  test('AND / OR give the same answers whether the right side runs on few of the rows or on all', () => {
    // x < k selects k of 100 rows: at most half, the right side runs on those only (its inputs gathered).
    const xs = Array.from({ length: 100 }, (_, i) => i);
    const ys = xs.map((i) => (i % 7 === 0 ? null : (i * 37) % 100));
    const x = column('int', xs);
    const y = column('int', ys);
    for (const k of [3, 50, 51, 97]) {
      const and = bin('and', bin('<', col(0, 'int'), lit(k)), bin('>', col(1, 'int'), lit(40)));
      expect(run(and, [x, y])).toEqual(xs.map((i) => (i >= k ? false : ys[i] === null ? null : ys[i]! > 40)));
      const or = bin('or', bin('>=', col(0, 'int'), lit(k)), bin('>', col(1, 'int'), lit(40)));
      expect(run(or, [x, y])).toEqual(xs.map((i) => (i >= k ? true : ys[i] === null ? null : ys[i]! > 40)));
    }
  });

  test('AND / OR never evaluate the right side into an error at rows the left side decided', () => {
    // x = 0 at one row in ten: the left side decides those rows, and 100 / x there would raise DIVIDE_BY_ZERO
    const xs = Array.from({ length: 100 }, (_, i) => i % 10);
    const x = column('int', xs);
    const big = bin('>', bin('/', lit(100), col(0, 'int')), lit(20));
    const and = bin('and', bin('!=', col(0, 'int'), lit(0)), big);
    expect(run(and, [x])).toEqual(xs.map((v) => v !== 0 && 100 / v > 20));
    const or = bin('or', bin('=', col(0, 'int'), lit(0)), big);
    expect(run(or, [x])).toEqual(xs.map((v) => v === 0 || 100 / v > 20));
    // and the error still comes at an undecided row
    expect(() => run(bin('and', bin('>=', col(0, 'int'), lit(0)), big), [x])).toThrow(/DIVIDE_BY_ZERO|divi/i);
  });

  test('IS NULL, IS NOT NULL, isnan', () => {
    const a = column('double', [1, null, NaN]);
    expect(run(un('isNull', col(0, 'double')), [a])).toEqual([false, true, false]);
    expect(run(un('isNotNull', col(0, 'double')), [a])).toEqual([true, false, true]);
    expect(run(un('isNaN', col(0, 'double')), [a])).toEqual([false, false, true]);
    expect(one(un('isNaN', lit(1)))).toBe(false);
    expect(one(un('isNull', lit(1)))).toBe(false);
  });
});

describe('IN', () => {
  test('found, not found, nulls', () => {
    expect(one(inList(lit(1), lit(1), lit(2)))).toBe(true);
    expect(one(inList(lit(3), lit(1), lit(2)))).toBe(false);
    expect(one(inList(lit(1), lit(2), lit(null)))).toBe(null);
    expect(one(inList(lit(1), lit(1), lit(null)))).toBe(true);
    expect(one(inList(lit(null), lit(1), lit(2)))).toBe(null);
    expect(one(inList(nan, nan, lit(1.0, 'double')))).toBe(true);
    expect(one(inList(lit(1), lit('1'), lit(2)))).toBe(true);
    expect(() => one(inList(lit('a'), lit('a'), lit(1)))).toThrow('CAST_INVALID_INPUT');
    expect(one(inList(lit(1), lit(1n), lit(2)))).toBe(true);
  });

  test('non-literal lists', () => {
    const a = column('int', [1, 2, 3, null]);
    const b = column('int', [1, null, 4, 4]);
    expect(run(inList(col(0, 'int'), col(1, 'int'), lit(2)), [a, b])).toEqual([true, true, false, null]);
    expect(run(inList(col(0, 'int'), col(1, 'int')), [a, b])).toEqual([true, null, false, null]);
  });
});

describe('LIKE and RLIKE', () => {
  test('wildcards and escapes', () => {
    expect(one(bin('like', lit('abc'), lit('a%')))).toBe(true);
    expect(one(bin('like', lit('abc'), lit('a_c')))).toBe(true);
    expect(one(bin('like', lit('abc'), lit('%b%')))).toBe(true);
    expect(one(bin('like', lit('abc'), lit('%c')))).toBe(true);
    expect(one(bin('like', lit('abc'), lit('abc')))).toBe(true);
    expect(one(bin('like', lit('ABC'), lit('abc')))).toBe(false);
    expect(one(bin('like', lit('a_c'), lit('a\\_c')))).toBe(true);
    expect(one(bin('like', lit('abc'), lit('a\\_c')))).toBe(false);
    expect(one(bin('like', lit('a%c'), lit('a\\%c')))).toBe(true);
    expect(one(bin('like', lit('a\\c'), lit('a\\\\c')))).toBe(true);
    expect(one(bin('like', lit('a\nc'), lit('a_c')))).toBe(true);
    expect(one(bin('like', lit('a.c'), lit('a.c')))).toBe(true);
    expect(one(bin('like', lit('abc'), lit('a.c')))).toBe(false);
    expect(one(bin('like', lit('😀x'), lit('_x')))).toBe(true);
    expect(one(bin('like', lit(10), lit(1)))).toBe(false);
    expect(() => one(bin('like', lit('abc'), lit('a\\bc')))).toThrow(
      "[INVALID_FORMAT.ESC_IN_THE_MIDDLE] The format is invalid: 'a\\bc'. The escape character is not allowed to precede 'b'.",
    );
    expect(() => one(bin('like', lit('abc'), lit('ab\\')))).toThrow('INVALID_FORMAT.ESC_AT_THE_END');
    expect(one(fn('like', lit('a#%'), lit('a##%'), lit('#')))).toBe(true);
    expect(one(fn('ilike', lit('ABC'), lit('a%')))).toBe(true);
  });

  test('nulls', () => {
    expect(one(bin('like', lit('abc'), lit(null)))).toBe(null);
    expect(one(bin('like', lit(null), lit('a')))).toBe(null);
    expect(one(bin('rlike', lit(null), lit('a')))).toBe(null);
  });

  test('rlike finds a match anywhere (Java regex)', () => {
    expect(one(bin('rlike', lit('abc'), lit('b')))).toBe(true);
    expect(one(bin('rlike', lit('abc'), lit('^b')))).toBe(false);
    expect(one(bin('rlike', lit('abc'), lit('(?i)B')))).toBe(true);
    expect(one(bin('rlike', lit('a1'), lit('\\p{Alpha}\\d')))).toBe(true);
    expect(one(bin('rlike', lit('a+b'), lit('\\Qa+b\\E')))).toBe(true);
    expect(one(bin('rlike', lit('abc'), lit('\\Aabc\\z')))).toBe(true);
    expect(() => one(bin('rlike', lit('abc'), lit('[')))).toThrow("[INVALID_PARAMETER_VALUE.PATTERN] The value of parameter(s) `regexp` in `rlike` is invalid: '['");
    const a = column('string', ['x1', 'yy', null]);
    const p = column('string', ['\\d', '\\d', 'a']);
    expect(run(bin('rlike', col(0, 'string'), col(1, 'string')), [a, p])).toEqual([true, false, null]);
  });
});

describe('CASE WHEN', () => {
  test('first true branch, else, no else', () => {
    const e = caseWhen([[bin('=', lit(1), lit(2)), lit('a')], [N, lit('b')]], lit('c'));
    expect(one(e)).toBe('c');
    expect(one(caseWhen([[F, lit(1)]]))).toBe(null);
    expect(one(caseWhen([[T, lit(1)], [T, lit(2)]]))).toBe(1);
  });

  test('result type is the common type', () => {
    const e = caseWhen([[T, lit(1)]], lit('2.5', 'decimal(2,1)'));
    expect(e.type).toBe('decimal(11,1)');
    expect(one(e, { decimal: 'string' })).toBe('1.0');
    expect(caseWhen([[T, lit(1)]], lit('x')).type).toBe('bigint');
    expect(code(() => caseWhen([[lit(1), lit(1)]]))).toBe('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE');
  });

  test('branches are lazy: errors on rows a branch does not take do not fail', () => {
    const x = column('int', [0, 2, null, 4]);
    const e = caseWhen([[bin('=', col(0, 'int'), lit(0)), lit(0, 'double')]], bin('/', lit(8), col(0, 'int')));
    expect(run(e, [x])).toEqual([0, 4, null, 2]);
    const s = column('string', ['1', 'x', '3']);
    const e2 = caseWhen([[bin('rlike', col(0, 'string'), lit('^\\d+$')), cast(col(0, 'string'), 'int')]], lit(-1));
    expect(run(e2, [s])).toEqual([1, -1, 3]);
    // an error on a row the branch takes still raises
    expect(() => run(caseWhen([[T, bin('/', lit(8), col(0, 'int'))]]), [x])).toThrow('DIVIDE_BY_ZERO');
  });
});
