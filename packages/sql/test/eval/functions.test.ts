import { describe, expect, test } from 'vitest';
import { SqlError } from '../../src/eval/errors.js';
import { functionNames, lookupFunction } from '../../src/functions/index.js';
import { cast, col, column, fn, lit, one, run, t } from './helpers.js';

const dec = (v: string, type: string) => cast(lit(v), type);
const nan = cast(lit('NaN'), 'double');
const s = (b: Parameters<typeof one>[0]) => one(b, { decimal: 'string' });

function err(g: () => unknown): SqlError {
  try {
    g();
  } catch (e) {
    if (e instanceof SqlError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

describe('math', () => {
  test('abs', () => {
    expect(one(fn('abs', lit(-5)))).toBe(5);
    expect(fn('abs', cast(lit(-5), 'tinyint')).type).toBe('tinyint');
    expect(s(fn('abs', dec('-5.5', 'decimal(2,1)')))).toBe('5.5');
    expect(one(fn('abs', cast(lit('-inf'), 'double')))).toBe(Infinity);
    expect(fn('abs', lit('-1')).type).toBe('double');
    expect(one(fn('abs', lit('-1.5')))).toBe(1.5);
    expect(() => one(fn('abs', lit(-2147483648)))).toThrow('[ARITHMETIC_OVERFLOW] integer overflow.');
    expect(() => one(fn('abs', cast(lit(-128), 'tinyint')))).toThrow('byte overflow');
    expect(() => one(fn('abs', lit(-9223372036854775808n)))).toThrow('long overflow');
    expect(one(fn('abs', lit(null, 'int')))).toBe(null);
  });

  test('round is HALF_UP on the decimal text of doubles; bround is HALF_EVEN', () => {
    expect(one(fn('round', lit(2.5, 'double')))).toBe(3);
    expect(one(fn('round', lit(-2.5, 'double')))).toBe(-3);
    expect(one(fn('round', lit(-0.5, 'double')))).toBe(-1);
    expect(one(fn('round', lit(1.005), lit(2)))).toBe(1.01);
    expect(one(fn('round', lit(1.25), lit(1)))).toBe(1.3);
    expect(one(fn('round', lit(1.35), lit(1)))).toBe(1.4);
    expect(one(fn('round', lit(123.456), lit(-1)))).toBe(120);
    expect(one(fn('round', nan))).toBeNaN();
    expect(one(fn('round', lit(1.23456789e20), lit(2)))).toBe(1.23456789e20);
    expect(one(fn('round', lit(0.1 + 0.2), lit(15)))).toBe(0.3);
    expect(one(fn('round', cast(lit(2.5, 'double'), 'float')))).toBe(3);
    expect(fn('round', cast(lit(2.5, 'double'), 'float')).type).toBe('float');
    expect(one(fn('bround', lit(2.5, 'double')))).toBe(2);
    expect(one(fn('bround', lit(3.5, 'double')))).toBe(4);
    expect(one(fn('bround', lit(-2.5, 'double')))).toBe(-2);
    expect(one(fn('round', lit(null, 'double')))).toBe(null);
  });

  test('round on integers and decimals', () => {
    expect(one(fn('round', lit(15), lit(-1)))).toBe(20);
    expect(one(fn('round', lit(-15), lit(-1)))).toBe(-20);
    expect(one(fn('round', lit(25n), lit(-1)))).toBe(30n);
    expect(one(fn('round', lit(123456789012345678n), lit(-5)))).toBe(123456789012300000n);
    expect(fn('round', lit(1), lit(1)).type).toBe('int');
    expect(() => one(fn('round', lit(2147483647), lit(-1)))).toThrow('[ARITHMETIC_OVERFLOW] Overflow.');
    expect(s(fn('round', lit('2.5', 'decimal(2,1)')))).toBe('3');
    expect(s(fn('round', lit('-2.5', 'decimal(2,1)')))).toBe('-3');
    expect(fn('round', dec('1.25', 'decimal(5,2)'), lit(1)).type).toBe('decimal(5,1)');
    expect(s(fn('round', dec('1.25', 'decimal(5,2)'), lit(1)))).toBe('1.3');
    expect(fn('round', dec('1.25', 'decimal(5,2)'), lit(-1)).type).toBe('decimal(4,0)');
    expect(fn('round', dec('1.25', 'decimal(5,2)'), lit(3)).type).toBe('decimal(6,2)');
    expect(s(fn('round', dec('1.25', 'decimal(5,2)'), lit(5)))).toBe('1.25');
    expect(fn('round', dec('99.5', 'decimal(3,1)')).type).toBe('decimal(3,0)');
    expect(s(fn('round', dec('99.5', 'decimal(3,1)')))).toBe('100');
    expect(one(fn('round', lit('2.5')))).toBe(3);
    expect(fn('round', lit('2.5')).type).toBe('double');
    // without a literal scale the type keeps the input scale (value still rounded)
    const c = column('int', [1]);
    const b = fn('round', dec('1.25', 'decimal(5,2)'), col(0, 'int'));
    expect(b.type).toBe('decimal(6,2)');
    expect(run(b, [c], { decimal: 'string' })).toEqual(['1.30']);
  });

  test('floor and ceil', () => {
    expect(one(fn('floor', lit(-1.5)))).toBe(-2n);
    expect(fn('floor', lit(-1.5)).type).toBe('bigint');
    expect(fn('floor', lit(5)).type).toBe('bigint');
    expect(one(fn('ceil', lit(1.2)))).toBe(2n);
    expect(one(fn('ceil', lit(-0.5)))).toBe(0n);
    expect(fn('floor', dec('1.5', 'decimal(5,2)')).type).toBe('decimal(4,0)');
    expect(s(fn('floor', dec('-1.5', 'decimal(5,2)')))).toBe('-2');
    expect(s(fn('ceil', dec('1.25', 'decimal(5,2)')))).toBe('2');
    expect(s(fn('ceil', dec('99.5', 'decimal(3,1)')))).toBe('100');
    expect(one(fn('floor', lit(1e30)))).toBe(9223372036854775807n);
    expect(one(fn('floor', nan))).toBe(0n);
    expect(one(fn('ceil', cast(lit('inf'), 'double')))).toBe(9223372036854775807n);
    expect(fn('floor', lit('2.5')).type).toBe('bigint');
    expect(fn('ceiling', cast(lit(1), 'float')).type).toBe('bigint');
  });

  test('sqrt, exp, ln, log, pow', () => {
    expect(one(fn('sqrt', lit(4)))).toBe(2);
    expect(one(fn('sqrt', lit(-1)))).toBeNaN();
    expect(one(fn('exp', lit(1)))).toBeCloseTo(Math.E, 15);
    expect(one(fn('ln', lit(1)))).toBe(0);
    expect(one(fn('ln', lit(0)))).toBe(null);
    expect(one(fn('log', lit(0)))).toBe(null);
    expect(one(fn('log', lit(-1)))).toBe(null);
    expect(one(fn('log', lit(8)))).toBeCloseTo(2.0794415416798357, 15);
    expect(one(fn('log', lit(2), lit(8)))).toBe(3);
    expect(one(fn('log', lit(10), lit(100)))).toBe(2);
    expect(one(fn('log', lit(1), lit(8)))).toBe(Infinity);
    expect(one(fn('log', lit(0), lit(8)))).toBe(null);
    expect(one(fn('log', lit(2), lit(0)))).toBe(null);
    expect(one(fn('log10', lit(100)))).toBe(2);
    expect(one(fn('pow', lit(2), lit(10)))).toBe(1024);
    expect(one(fn('power', lit(-8), lit(1 / 3)))).toBeNaN();
    expect(one(fn('pow', lit(0), lit(-1)))).toBe(Infinity);
    expect(fn('exp', dec('1', 'decimal(5,2)')).type).toBe('double');
    expect(one(fn('sqrt', lit(null)))).toBe(null);
    expect(one(fn('signum', lit(-5)))).toBe(-1);
    expect(one(fn('cbrt', lit(27)))).toBe(3);
  });
});

describe('conditionals', () => {
  test('coalesce, nvl, nvl2, nullif, if', () => {
    expect(one(fn('coalesce', lit(null), lit(2), lit(3)))).toBe(2);
    expect(one(fn('coalesce', lit(null), lit(null)))).toBe(null);
    expect(fn('coalesce', lit(1), lit('x')).type).toBe('bigint');
    expect(() => one(fn('coalesce', lit(null), lit('x'), lit(1)))).toThrow('CAST_INVALID_INPUT');
    expect(err(() => fn('coalesce', lit(1), lit(true))).code).toBe('DATATYPE_MISMATCH.DATA_DIFF_TYPES');
    expect(err(() => fn('coalesce')).code).toBe('WRONG_NUM_ARGS.WITHOUT_SUGGESTION');
    expect(one(fn('nvl', lit(null), lit(1)))).toBe(1);
    expect(fn('nvl', lit(null), lit(1)).type).toBe('int');
    expect(fn('ifnull', lit(1), lit('a')).type).toBe('bigint');
    expect(one(fn('nvl2', lit(null), lit(1), lit(2)))).toBe(2);
    expect(one(fn('nvl2', lit(0), lit(1), lit(2)))).toBe(1);
    expect(one(fn('nullif', lit(1), lit(1)))).toBe(null);
    expect(one(fn('nullif', lit(1), lit(2)))).toBe(1);
    expect(one(fn('nullif', lit(null), lit(1)))).toBe(null);
    expect(one(fn('nullif', lit('1'), lit(1)))).toBe(null);
    expect(fn('nullif', lit(1), lit(2n)).type).toBe('int');
    expect(one(fn('nullif', nan, nan))).toBe(null);
    expect(one(fn('if', lit(null, 'boolean'), lit(1), lit(2)))).toBe(2);
    expect(one(fn('if', lit(true), lit(1), lit(2)))).toBe(1);
    expect(fn('if', lit(true), lit(1), lit('a')).type).toBe('bigint');
    expect(fn('if', lit(true), lit(null), lit(1)).type).toBe('int');
    expect(err(() => fn('if', lit(1), lit(1), lit(2))).code).toBe('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE');
  });

  test('lazy arguments: coalesce, if and nvl only evaluate what a row needs', () => {
    const x = column('int', [0, 2]);
    const ifB = {
      kind: 'call',
      name: 'if',
      args: [{ kind: 'binary', op: '=', left: col(0, 'int'), right: lit(0), type: 'boolean' }, lit(0, 'double'), { kind: 'binary', op: '/', left: lit(10), right: col(0, 'int'), type: 'double' }],
      type: 'double',
    } as const;
    expect(run(ifB as never, [x])).toEqual([0, 5]);
    const divZero = { kind: 'binary', op: 'div', left: lit(1), right: lit(0), type: 'bigint' } as const;
    const coal = (name: string) => ({ kind: 'call', name, args: [cast(col(0, 'int'), 'bigint'), divZero], type: 'bigint' }) as never;
    expect(run(coal('coalesce'), [column('int', [1, 2])])).toEqual([1n, 2n]);
    expect(run(coal('nvl'), [column('int', [1, 2])])).toEqual([1n, 2n]);
    expect(() => run(coal('coalesce'), [column('int', [1, null])])).toThrow('DIVIDE_BY_ZERO');
    const y = column('int', [0, null, 4]);
    const safe = { kind: 'call', name: 'coalesce', args: [cast(col(0, 'int'), 'double'), { kind: 'binary', op: '/', left: lit(1), right: lit(0), type: 'double' }], type: 'double' } as const;
    expect(() => run(safe as never, [y])).toThrow('DIVIDE_BY_ZERO');
  });

  test('greatest and least skip nulls; NaN is largest', () => {
    expect(one(fn('greatest', lit(1), lit(null), lit(3)))).toBe(3);
    expect(one(fn('greatest', lit(1), lit(null)))).toBe(1);
    expect(one(fn('least', cast(lit(null), 'int'), lit(null)))).toBe(null);
    expect(one(fn('greatest', nan, lit(1.0, 'double')))).toBeNaN();
    expect(one(fn('least', nan, lit(1.0, 'double')))).toBe(1);
    expect(one(fn('greatest', lit('a'), lit('B')))).toBe('a');
    expect(fn('greatest', lit(1), lit(2n)).type).toBe('bigint');
    expect(fn('greatest', lit(1), lit(2.5)).type).toBe('double');
    expect(one(fn('greatest', fn('array', lit(1), lit(2)), fn('array', lit(1), lit(3))))).toEqual([1, 3]);
    expect(one(fn('least', cast(lit('2020-01-01'), 'date'), cast(lit('2019-01-01'), 'date')))).toEqual(new Date('2019-01-01T00:00:00Z'));
    expect(err(() => fn('greatest', lit(1), lit('a'))).code).toBe('DATATYPE_MISMATCH.DATA_DIFF_TYPES');
    expect(err(() => fn('greatest', cast(lit('2020-01-01'), 'date'), lit('2020-01-02'))).code).toBe('DATATYPE_MISMATCH.DATA_DIFF_TYPES');
  });

  test('isnull, isnotnull, isnan', () => {
    expect(one(fn('isnull', lit(null)))).toBe(true);
    expect(one(fn('isnotnull', lit(1)))).toBe(true);
    expect(one(fn('isnan', nan))).toBe(true);
    expect(one(fn('isnan', lit(null)))).toBe(false);
    expect(fn('isnan', lit(1)).type).toBe('boolean');
  });
});

describe('collections', () => {
  test('array and size', () => {
    expect(one(fn('array', lit(1), lit(null)))).toEqual([1, null]);
    expect(one(fn('array'))).toEqual([]);
    expect(fn('array').type).toBe('array<void>');
    expect(fn('array', lit(1), lit(2n), lit('1.5', 'decimal(2,1)')).type).toBe('array<decimal(21,1)>');
    expect(fn('array', lit(1), lit('a')).type).toBe('array<bigint>');
    expect(fn('array', lit(1), lit(2.5)).type).toBe('array<double>');
    expect(fn('array', cast(lit('2020-01-01'), 'date'), lit('2020-01-01')).type).toBe('array<date>');
    expect(one(fn('size', fn('array', lit(1), lit(2))))).toBe(2);
    expect(one(fn('size', fn('map', lit('a'), lit(1))))).toBe(1);
    expect(one(fn('size', lit(null)))).toBe(null);
    expect(one(fn('size', cast(lit(null), 'array<int>')))).toBe(null);
    expect(one(fn('size', fn('array')))).toBe(0);
  });

  test('array_contains', () => {
    expect(one(fn('array_contains', fn('array', lit(1), lit(null)), lit(2)))).toBe(null);
    expect(one(fn('array_contains', fn('array', lit(1), lit(null)), lit(1)))).toBe(true);
    expect(one(fn('array_contains', fn('array', lit(1), lit(2)), lit(1.5)))).toBe(false);
    expect(one(fn('array_contains', fn('array', lit(1), lit(2)), lit(1n)))).toBe(true);
    expect(one(fn('array_contains', fn('array', nan), nan))).toBe(true);
    expect(one(fn('array_contains', cast(lit(null), 'array<int>'), lit(1)))).toBe(null);
    expect(err(() => fn('array_contains', fn('array', lit(1), lit(2)), lit(null))).code).toBe('DATATYPE_MISMATCH.NULL_TYPE');
    expect(err(() => fn('array_contains', fn('array', lit(1), lit(2)), lit('1'))).code).toBe('DATATYPE_MISMATCH.ARRAY_FUNCTION_DIFF_TYPES');
  });

  test('struct and named_struct', () => {
    expect(one(fn('struct', lit(1), lit('a')))).toEqual({ col1: 1, col2: 'a' });
    expect(fn('struct', lit(1), lit('a')).type).toBe('struct<col1:int,col2:string>');
    expect(one(fn('named_struct', lit('a'), lit(1), lit('b'), lit('x')))).toEqual({ a: 1, b: 'x' });
    expect(fn('named_struct', lit('a'), lit(1)).type).toBe('struct<a:int>');
    expect(one(fn('struct'))).toEqual({});
  });

  test('map', () => {
    expect(one(fn('map', lit('a'), lit(1), lit('b'), lit(2)))).toEqual(new Map([['a', 1], ['b', 2]]));
    expect(fn('map', lit(1), lit('a'), lit(2n), lit('b')).type).toBe('map<bigint,string>');
    expect(fn('map', lit('a'), lit(1), lit('b'), lit(2.5)).type).toBe('map<string,double>');
    expect(one(fn('map', lit('a'), lit(null)))).toEqual(new Map([['a', null]]));
    expect(() => one(fn('map', lit('a'), lit(1), lit('a'), lit(2)))).toThrow('[DUPLICATED_MAP_KEY] Duplicate map key a was found, please check the input data.');
    expect(() => one(fn('map', lit(null), lit(1)))).toThrow('[NULL_MAP_KEY] Cannot use null as map key.');
    expect(one(fn('map'))).toEqual(new Map());
    expect(fn('map').type).toBe('map<void,void>');
  });

  test('element_at', () => {
    const arr = fn('array', lit(1), lit(2), lit(3));
    expect(one(fn('element_at', arr, lit(1)))).toBe(1);
    expect(one(fn('element_at', arr, lit(-1)))).toBe(3);
    expect(() => one(fn('element_at', arr, lit(4)))).toThrow(
      '[INVALID_ARRAY_INDEX_IN_ELEMENT_AT] The index 4 is out of bounds. The array has 3 elements. Use `try_element_at` to tolerate accessing element at invalid index and return NULL instead.',
    );
    expect(() => one(fn('element_at', arr, lit(0)))).toThrow('[INVALID_INDEX_OF_ZERO]');
    expect(one(fn('try_element_at', arr, lit(4)))).toBe(null);
    expect(() => one(fn('try_element_at', arr, lit(0)))).toThrow('INVALID_INDEX_OF_ZERO');
    expect(err(() => fn('element_at', arr, lit(1n))).code).toBe('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE');
    expect(one(fn('element_at', fn('map', lit('a'), lit(1)), lit('b')))).toBe(null);
    expect(one(fn('element_at', fn('map', lit('a'), lit(1)), lit('a')))).toBe(1);
    expect(one(fn('element_at', fn('map', lit(1), lit('a')), lit(1n)))).toBe('a');
    expect(one(fn('element_at', cast(lit(null), 'array<int>'), lit(1)))).toBe(null);
    expect(one(fn('element_at', fn('array', fn('array', lit(1)), fn('array', lit(2))), lit(2)))).toEqual([2]);
  });
});

describe('registry', () => {
  test('every required function is registered, case-insensitively', () => {
    for (const name of [
      'concat', 'concat_ws', 'substring', 'substr', 'upper', 'lower', 'trim', 'ltrim', 'rtrim', 'length', 'split', 'regexp_replace',
      'regexp_extract', 'lpad', 'rpad', 'instr', 'to_date', 'to_timestamp', 'year', 'month', 'dayofmonth', 'hour', 'date_add',
      'date_sub', 'datediff', 'date_format', 'current_date', 'current_timestamp', 'abs', 'round', 'floor', 'ceil', 'sqrt', 'pow',
      'power', 'exp', 'log', 'ln', 'coalesce', 'nullif', 'greatest', 'least', 'if', 'nvl', 'array', 'size', 'array_contains',
      'struct', 'map', 'element_at', 'isnull', 'isnotnull',
    ]) {
      expect(typeof lookupFunction(name)?.evaluate, name).toBe('function');
      expect(lookupFunction(name.toUpperCase()), name).toBe(lookupFunction(name));
    }
    expect(functionNames().length).toBeGreaterThan(60);
    expect(lookupFunction('current_date')!.deterministic).toBe(false);
  });

  test('arity errors', () => {
    expect(() => lookupFunction('substring')!.resolve([t('string')])).toThrow(
      '[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `substring` requires [2, 3] parameters but the actual number is 1.',
    );
    expect(() => lookupFunction('upper')!.resolve([])).toThrow('requires 1 parameters');
  });
});
