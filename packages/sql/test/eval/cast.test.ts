import { describe, expect, test } from 'vitest';
import { canCast } from '../../src/eval/coercion.js';
import { SqlError } from '../../src/eval/errors.js';
import { formatDouble, formatFloat } from '../../src/eval/number-format.js';
import { cast, col, column, fn, lit, one, run, t } from './helpers.js';

const c = (v: unknown, to: string, from?: string) => one(cast(from ? lit(v, from) : lit(v), to), { decimal: 'string' });
const tc = (v: unknown, to: string, from?: string) => one(cast(from ? lit(v, from) : lit(v), to, false), { decimal: 'string' });

function err(f: () => unknown): SqlError {
  try {
    f();
  } catch (e) {
    if (e instanceof SqlError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

describe('string → numbers', () => {
  test('integers', () => {
    expect(c(' 12 ', 'int')).toBe(12);
    expect(c('+3', 'int')).toBe(3);
    expect(c('-0', 'int')).toBe(0);
    expect(c('9223372036854775807', 'bigint')).toBe(9223372036854775807n);
    expect(c('-9223372036854775808', 'bigint')).toBe(-9223372036854775808n);
    for (const bad of ['1.5', '1.0', '1e3', '3000000000', '', '1_000', 'abc', '٣']) {
      expect(err(() => c(bad, 'int')).code).toBe('CAST_INVALID_INPUT');
      expect(tc(bad, 'int')).toBe(null);
    }
    expect(err(() => c('9223372036854775808', 'bigint')).code).toBe('CAST_INVALID_INPUT');
    expect(err(() => c('300', 'tinyint')).code).toBe('CAST_INVALID_INPUT');
  });

  test('message names the value and both types', () => {
    expect(() => c('abc', 'int')).toThrow(
      `[CAST_INVALID_INPUT] The value 'abc' of the type "STRING" cannot be cast to "INT" because it is malformed. Correct the value as per the syntax, or change its target type. Use \`try_cast\` to tolerate malformed input and return NULL instead.`,
    );
  });

  test('doubles and floats', () => {
    expect(c('1d', 'double')).toBe(1);
    expect(c('1.5f', 'float')).toBe(1.5);
    expect(c(' inf ', 'double')).toBe(Infinity);
    expect(c('-Infinity', 'double')).toBe(-Infinity);
    expect(c('NaN', 'double')).toBeNaN();
    expect(c('1.', 'double')).toBe(1);
    expect(c('.5', 'double')).toBe(0.5);
    expect(c('1e400', 'double')).toBe(Infinity);
    expect(c('1e39', 'float')).toBe(Infinity);
    for (const bad of ['abc', ' ', '1e', '0x10']) expect(err(() => c(bad, 'double')).code).toBe('CAST_INVALID_INPUT');
  });

  test('decimals round HALF_UP and check precision', () => {
    expect(c('1.25', 'decimal(3,1)')).toBe('1.3');
    expect(c('1.35', 'decimal(3,1)')).toBe('1.4');
    expect(c('-1.25', 'decimal(3,1)')).toBe('-1.3');
    expect(c('  1.5E+2  ', 'decimal(10,2)')).toBe('150.00');
    expect(c('1e2', 'decimal(10,2)')).toBe('100.00');
    expect(c('.5', 'decimal(10,2)')).toBe('0.50');
    expect(c('5.', 'decimal(10,2)')).toBe('5.00');
    expect(c('1.23e-2', 'decimal(10,5)')).toBe('0.01230');
    expect(() => c('12345', 'decimal(3,1)')).toThrow('[NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION] 12345 cannot be represented as Decimal(3, 1)');
    expect(tc('12345', 'decimal(3,1)')).toBe(null);
    expect(err(() => c('Infinity', 'decimal(10,2)')).code).toBe('CAST_INVALID_INPUT');
  });

  test('booleans', () => {
    for (const s of ['t', 'true', 'y', 'yes', '1', ' T ', 'TRUE']) expect(c(s, 'boolean')).toBe(true);
    for (const s of ['f', 'false', 'n', 'no', '0']) expect(c(s, 'boolean')).toBe(false);
    expect(err(() => c('maybe', 'boolean')).code).toBe('CAST_INVALID_INPUT');
  });
});

describe('numbers → numbers', () => {
  test('overflow raises CAST_OVERFLOW with Spark literal text', () => {
    expect(() => c(3000000000n, 'int')).toThrow('[CAST_OVERFLOW] The value 3000000000L of the type "BIGINT" cannot be cast to "INT" due to an overflow.');
    expect(() => c(300, 'tinyint')).toThrow('The value 300 of the type "INT" cannot be cast to "TINYINT"');
    expect(() => c(1e20, 'bigint', 'double')).toThrow('The value 1.0E20D of the type "DOUBLE" cannot be cast to "BIGINT"');
    expect(() => c(NaN, 'int', 'double')).toThrow('The value NaN of the type "DOUBLE"');
    expect(tc(3000000000n, 'int')).toBe(null);
    expect(err(() => one(cast(cast(lit('128.9'), 'decimal(4,1)'), 'tinyint'))).message).toContain('The value 128.9BD of the type "DECIMAL(4,1)"');
    expect(err(() => one(cast(cast(lit('1e20'), 'decimal(38,0)'), 'bigint'))).code).toBe('CAST_OVERFLOW');
  });

  test('truncation toward zero, and the Java edge cases', () => {
    expect(c(3.9, 'int')).toBe(3);
    expect(c(-3.9, 'int')).toBe(-3);
    expect(c(2147483647.5, 'int')).toBe(2147483647);
    expect(c(-2147483648.9, 'int')).toBe(-2147483648);
    expect(c(9.223372036854776e18, 'bigint')).toBe(9223372036854775807n);
    expect(c(-9.223372036854776e18, 'bigint')).toBe(-9223372036854775808n);
    expect(one(cast(cast(lit('3.9'), 'decimal(2,1)'), 'int'))).toBe(3);
    expect(one(cast(cast(lit('-1.5'), 'decimal(2,1)'), 'int'))).toBe(-1);
    expect(one(cast(cast(lit('127'), 'decimal(3,0)'), 'tinyint'))).toBe(127);
  });

  test('to decimal', () => {
    expect(c(1.25, 'decimal(3,1)', 'double')).toBe('1.3');
    expect(c(1e-7, 'decimal(10,8)', 'double')).toBe('0.00000010');
    expect(c(123.456, 'decimal(38,30)', 'double')).toBe('123.456000000000000000000000000000');
    expect(c(Infinity, 'decimal(5,2)', 'double')).toBe(null);
    expect(() => c(1e40, 'decimal(10,2)', 'double')).toThrow('10000000000000000000000000000000000000000 cannot be represented as Decimal(10, 2)');
    expect(() => c(12345, 'decimal(3,1)')).toThrow('NUMERIC_VALUE_OUT_OF_RANGE');
    expect(one(cast(cast(lit(1.5, 'double'), 'float'), 'decimal(5,2)'), { decimal: 'string' })).toBe('1.50');
    expect(one(cast(cast(lit(0.1, 'double'), 'float'), 'decimal(20,18)'), { decimal: 'string' })).toBe('0.100000001490116120');
  });

  test('from decimal', () => {
    expect(one(cast(cast(lit('1e20'), 'decimal(38,0)'), 'double'))).toBe(1e20);
    expect(one(cast(cast(lit('123.456'), 'decimal(6,3)'), 'float'))).toBe(Math.fround(123.456));
  });

  test('booleans', () => {
    expect(c(2, 'boolean')).toBe(true);
    expect(c(0, 'boolean', 'double')).toBe(false);
    expect(c(NaN, 'boolean', 'double')).toBe(true);
    expect(c(1.5, 'boolean')).toBe(true);
    expect(c(true, 'int')).toBe(1);
    expect(c(true, 'double')).toBe(1);
    expect(c(true, 'bigint')).toBe(1n);
    expect(c(false, 'decimal(3,1)')).toBe('0.0');
  });

  test('double → float overflows to infinity', () => {
    expect(c(1e40, 'float', 'double')).toBe(Infinity);
  });
});

describe('→ string', () => {
  test('doubles print as Java does', () => {
    const cases: [number, string][] = [
      [1, '1.0'],
      [1e10, '1.0E10'],
      [1e7, '1.0E7'],
      [9999999, '9999999.0'],
      [0.001, '0.001'],
      [0.0001, '1.0E-4'],
      [-0, '-0.0'],
      [1e-5, '1.0E-5'],
      [123456789.123, '1.23456789123E8'],
      [2e-3, '0.002'],
      [NaN, 'NaN'],
      [Infinity, 'Infinity'],
      [-Infinity, '-Infinity'],
      [0.1 + 0.2, '0.30000000000000004'],
      [-1.5e-10, '-1.5E-10'],
    ];
    for (const [v, s] of cases) {
      expect(formatDouble(v)).toBe(s);
      expect(c(v, 'string', 'double')).toBe(s);
    }
    expect(formatFloat(Math.fround(1.1))).toBe('1.1');
    expect(formatFloat(Math.fround(0.1))).toBe('0.1');
    expect(formatFloat(Math.fround(1e10))).toBe('1.0E10');
    expect(one(cast(cast(lit(1.1, 'double'), 'float'), 'string'))).toBe('1.1');
    expect(one(cast(cast(lit(0.1, 'double'), 'float'), 'double'))).toBe(0.10000000149011612);
  });

  test('other types', () => {
    expect(c(1, 'string', 'tinyint')).toBe('1');
    expect(c(12n, 'string')).toBe('12');
    expect(c(true, 'string')).toBe('true');
    expect(one(cast(cast(lit('0.00000001'), 'decimal(10,8)'), 'string'))).toBe('0.00000001');
    expect(one(cast(cast(lit('100'), 'decimal(10,2)'), 'string'))).toBe('100.00');
    expect(one(cast(cast(lit('2020-01-01'), 'date'), 'string'))).toBe('2020-01-01');
    expect(one(cast(cast(lit('-0044-03-15'), 'date'), 'string'))).toBe('-0044-03-15');
    expect(one(cast(cast(lit('2020-01-01 12:34:56.120'), 'timestamp'), 'string'))).toBe('2020-01-01 12:34:56.12');
    expect(one(cast(cast(lit('2020-01-01 00:00:00'), 'timestamp'), 'string'))).toBe('2020-01-01 00:00:00');
    expect(one(cast(cast(lit('2020-01-01 12:34:56.000001'), 'timestamp'), 'string'))).toBe('2020-01-01 12:34:56.000001');
    expect(one(cast(cast(lit('1969-12-31 23:59:59.999999'), 'timestamp'), 'string'))).toBe('1969-12-31 23:59:59.999999');
    expect(one(cast(fn('array', lit(1), lit(2), lit(null)), 'string'))).toBe('[1, 2, null]');
    expect(one(cast(fn('array', lit(true), lit(null)), 'string'))).toBe('[true, null]');
    expect(one(cast(fn('struct', lit(1), lit('a')), 'string'))).toBe('{1, a}');
    expect(one(cast(fn('struct', lit(null), lit('a'), cast(lit('2020-01-01'), 'date')), 'string'))).toBe('{null, a, 2020-01-01}');
    expect(one(cast(fn('map', lit('a'), lit(1)), 'string'))).toBe('{a -> 1}');
    expect(one(cast(fn('map', lit('a'), fn('array', lit(1))), 'string'))).toBe('{a -> [1]}');
    expect(one(cast(cast(lit('ABC'), 'binary'), 'string'))).toBe('ABC');
  });
});

describe('dates and timestamps', () => {
  const d = (s: string) => c(s, 'date');
  const ts = (s: string) => c(s, 'timestamp');
  test('string → date', () => {
    expect(d('2020-1-5')).toEqual(new Date('2020-01-05T00:00:00Z'));
    expect(d('2020')).toEqual(new Date('2020-01-01T00:00:00Z'));
    expect(d('2020-02')).toEqual(new Date('2020-02-01T00:00:00Z'));
    expect(d('2020-02-29')).toEqual(new Date('2020-02-29T00:00:00Z'));
    expect(d('2020-02-03T12:00')).toEqual(new Date('2020-02-03T00:00:00Z'));
    expect(d('2020-02-03 junk')).toEqual(new Date('2020-02-03T00:00:00Z'));
    expect(d(' 2020-02-03 ')).toEqual(new Date('2020-02-03T00:00:00Z'));
    expect(d('2020-01-01T')).toEqual(new Date('2020-01-01T00:00:00Z'));
    for (const bad of ['2020-02-30', '2019-02-29', '2020-02-03junk', '2020/01/01', '20200101', 'foo']) {
      expect(err(() => d(bad)).code).toBe('CAST_INVALID_INPUT');
      expect(tc(bad, 'date')).toBe(null);
    }
  });

  test('string → timestamp', () => {
    expect(ts('2020-01-01 12:34:56.123456789')).toEqual(new Date('2020-01-01T12:34:56.123Z'));
    expect(one(cast(lit('2020-01-01 12:34:56.123456789'), 'timestamp'), { timestamp: 'micros' })).toBe(1577882096123456n);
    expect(ts('2020-01-01T12:34:56Z')).toEqual(new Date('2020-01-01T12:34:56Z'));
    expect(ts('2020-01-01T12:34:56+08:00')).toEqual(new Date('2020-01-01T04:34:56Z'));
    expect(ts('2020-01-01 12:34')).toEqual(new Date('2020-01-01T12:34:00Z'));
    expect(ts('2020-01-01')).toEqual(new Date('2020-01-01T00:00:00Z'));
    expect(ts('2020-01-01 1:2:3')).toEqual(new Date('2020-01-01T01:02:03Z'));
    expect(ts('2020-01-01 12:34:56 UTC')).toEqual(new Date('2020-01-01T12:34:56Z'));
    expect(ts('2020-01-01 12:34:56.5 -01:30')).toEqual(new Date('2020-01-01T14:04:56.500Z'));
    expect(ts('2020-01-01T12')).toEqual(new Date('2020-01-01T12:00:00Z'));
    expect(ts('2020-01-01 12:00:00.')).toEqual(new Date('2020-01-01T12:00:00Z'));
    expect(ts('2020-01-01 12:00:00 +05')).toEqual(new Date('2020-01-01T07:00:00Z'));
    expect(ts('2020-01-01 12:00:00+0530')).toEqual(new Date('2020-01-01T06:30:00Z'));
    expect(ts('2020-01-01 12:00:00 GMT+01:00')).toEqual(new Date('2020-01-01T11:00:00Z'));
    expect(ts('2020-01-01 12:00:00 America/New_York')).toEqual(new Date('2020-01-01T17:00:00Z'));
    expect(ts('2020-07-01 12:00:00 Europe/Paris')).toEqual(new Date('2020-07-01T10:00:00Z'));
    for (const bad of ['2020-01-01 25:00:00', '2020-01-01 12:', '2020-01-01 12:00:00 XYZ', 'junk']) {
      expect(err(() => ts(bad)).code).toBe('CAST_INVALID_INPUT');
    }
  });

  test('between dates, timestamps and numbers', () => {
    expect(one(cast(cast(lit('2020-01-05'), 'date'), 'timestamp'))).toEqual(new Date('2020-01-05T00:00:00Z'));
    expect(one(cast(cast(lit('2020-01-05 23:59:59'), 'timestamp'), 'date'))).toEqual(new Date('2020-01-05T00:00:00Z'));
    expect(one(cast(cast(lit('1969-12-31 23:59:59'), 'timestamp'), 'date'))).toEqual(new Date('1969-12-31T00:00:00Z'));
    expect(c(1, 'timestamp')).toEqual(new Date('1970-01-01T00:00:01Z'));
    expect(c(1.5, 'timestamp', 'double')).toEqual(new Date('1970-01-01T00:00:01.500Z'));
    expect(one(cast(cast(lit('1970-01-01 00:00:01.5'), 'timestamp'), 'bigint'))).toBe(1n);
    expect(one(cast(cast(lit('1970-01-01 00:00:01.5'), 'timestamp'), 'double'))).toBe(1.5);
    expect(one(cast(cast(lit('1969-12-31 23:59:59.5'), 'timestamp'), 'bigint'))).toBe(-1n);
    expect(one(cast(cast(lit('2020-01-01 00:00:00'), 'timestamp'), 'int'))).toBe(1577836800);
    expect(one(cast(cast(lit('2020-01-01 00:00:00'), 'timestamp'), 'decimal(20,6)'), { decimal: 'string' })).toBe('1577836800.000000');
    expect(one(cast(cast(lit('1.5'), 'decimal(2,1)'), 'timestamp'))).toEqual(new Date('1970-01-01T00:00:01.500Z'));
    expect(err(() => c(1e20, 'timestamp', 'double')).code).toBe('CAST_OVERFLOW');
  });
});

describe('complex types', () => {
  test('element-wise casts', () => {
    expect(one(cast(fn('array', lit(1)), 'array<string>'))).toEqual(['1']);
    expect(one(cast(fn('array', lit('1'), lit('2')), 'array<int>'))).toEqual([1, 2]);
    expect(() => one(cast(fn('array', lit('a')), 'array<int>'))).toThrow('CAST_INVALID_INPUT');
    expect(one(cast(fn('array', lit('a')), 'array<int>', false))).toEqual([null]);
    expect(one(cast(fn('map', lit('a'), lit('1')), 'map<string,int>'))).toEqual(new Map([['a', 1]]));
    expect(one(cast(fn('struct', lit(1), lit(2)), 'struct<a:string,b:double>'))).toEqual({ a: '1', b: 2 });
  });
});

describe('nulls and try_cast', () => {
  test('NULL casts to NULL of any type', () => {
    expect(c(null, 'int')).toBe(null);
    expect(c(null, 'array<int>')).toBe(null);
    const v = column('string', ['1', null, 'x']);
    expect(run(cast(col(0, 'string'), 'int', false), [v])).toEqual([1, null, null]);
    expect(() => run(cast(col(0, 'string'), 'int'), [v])).toThrow("'x'");
  });
});

describe('canCast (ANSI)', () => {
  test('allowed and rejected pairs', () => {
    const yes = [
      ['int', 'string'],
      ['string', 'int'],
      ['string', 'date'],
      ['double', 'decimal(10,2)'],
      ['int', 'timestamp'],
      ['timestamp', 'bigint'],
      ['date', 'timestamp'],
      ['boolean', 'int'],
      ['array<int>', 'array<string>'],
      ['struct<a:int>', 'struct<b:string>'],
      ['void', 'map<string,int>'],
      ['array<int>', 'string'],
      ['string', 'binary'],
    ];
    const no = [
      ['date', 'int'],
      ['int', 'date'],
      ['boolean', 'timestamp'],
      ['timestamp', 'boolean'],
      ['date', 'boolean'],
      ['int', 'binary'],
      ['string', 'array<int>'],
      ['struct<a:int,b:int>', 'struct<a:int>'],
    ];
    for (const [a, b] of yes) expect(canCast(t(a!), t(b!)), `${a} → ${b}`).toBe(true);
    for (const [a, b] of no) expect(canCast(t(a!), t(b!)), `${a} → ${b}`).toBe(false);
  });
});
