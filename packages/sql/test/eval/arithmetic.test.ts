import { describe, expect, test } from 'vitest';
import { SqlError } from '../../src/eval/errors.js';
import { bin, cast, col, column, fn, lit, one, run, un } from './helpers.js';

const dec = (v: string, type: string) => cast(lit(v), type);

function code(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof SqlError) return e.code;
    throw e;
  }
  throw new Error('expected an error');
}

describe('integer arithmetic (ANSI)', () => {
  test('results and types', () => {
    expect(one(bin('+', lit(1), lit(2)))).toBe(3);
    expect(bin('+', lit(1), lit(2n)).type).toBe('bigint');
    expect(one(bin('-', lit(5), lit(7)))).toBe(-2);
    expect(one(bin('*', lit(6), lit(7)))).toBe(42);
    expect(one(bin('%', lit(-7), lit(3)))).toBe(-1);
    expect(one(bin('%', lit(5), lit(-3)))).toBe(2);
    expect(one(bin('div', lit(5), lit(2)))).toBe(2n);
    expect(one(bin('div', lit(-7), lit(2)))).toBe(-3n);
    expect(bin('div', lit(5), lit(2)).type).toBe('bigint');
    expect(bin('%', lit(5), lit(2n)).type).toBe('bigint');
    expect(bin('%', cast(lit(5), 'tinyint'), cast(lit(2), 'tinyint')).type).toBe('tinyint');
    expect(bin('+', cast(lit(1), 'tinyint'), cast(lit(1), 'smallint')).type).toBe('smallint');
  });

  test('/ always gives double for non-decimals', () => {
    expect(bin('/', lit(1), lit(2)).type).toBe('double');
    expect(one(bin('/', lit(1), lit(2)))).toBe(0.5);
    expect(bin('/', cast(lit(1), 'tinyint'), cast(lit(1), 'tinyint')).type).toBe('double');
    expect(bin('/', cast(lit(1), 'float'), cast(lit(1), 'float')).type).toBe('double');
  });

  test('overflow raises ARITHMETIC_OVERFLOW', () => {
    expect(() => one(bin('+', lit(2147483647), lit(1)))).toThrow("[ARITHMETIC_OVERFLOW] integer overflow. Use 'try_add' to tolerate overflow and return NULL instead.");
    expect(code(() => one(bin('*', lit(2147483647), lit(2))))).toBe('ARITHMETIC_OVERFLOW');
    expect(code(() => one(bin('-', lit(-2147483648), lit(1))))).toBe('ARITHMETIC_OVERFLOW');
    expect(() => one(bin('+', lit(9223372036854775807n), lit(1n)))).toThrow('long overflow');
    expect(code(() => one(bin('*', lit(9223372036854775807n), lit(2n))))).toBe('ARITHMETIC_OVERFLOW');
    expect(() => one(bin('div', lit(-9223372036854775808n), lit(-1n)))).toThrow('Overflow in integral divide');
    expect(one(bin('%', lit(-9223372036854775808n), lit(-1n)))).toBe(0n);
    expect(one(bin('%', lit(-2147483648), lit(-1)))).toBe(0);
  });

  test('tinyint and smallint overflow name the operands', () => {
    expect(() => one(bin('+', cast(lit(127), 'tinyint'), cast(lit(1), 'tinyint')))).toThrow('[BINARY_ARITHMETIC_OVERFLOW] 127S + 1S caused overflow');
    expect(() => one(bin('*', cast(lit(-128), 'tinyint'), cast(lit(-1), 'tinyint')))).toThrow('-128S * -1S caused overflow');
    expect(code(() => one(bin('+', cast(lit(32767), 'smallint'), cast(lit(1), 'smallint'))))).toBe('BINARY_ARITHMETIC_OVERFLOW');
  });

  test('division by zero raises for /, %, div on every numeric type', () => {
    for (const b of [
      bin('/', lit(1), lit(0)),
      bin('/', lit(1.0), lit(0.0)),
      bin('%', lit(5), lit(0)),
      bin('%', lit(5.5), lit(0)),
      bin('div', lit(5), lit(0)),
      bin('/', dec('1', 'decimal(5,2)'), lit(0)),
      bin('div', dec('5', 'decimal(5,2)'), lit(0)),
    ]) {
      expect(code(() => one(b))).toBe('DIVIDE_BY_ZERO');
    }
    expect(() => one(bin('/', lit(1), lit(0)))).toThrow('[DIVIDE_BY_ZERO] Division by zero. Use `try_divide`');
  });

  test('errors only for non-null rows', () => {
    const a = column('int', [1, null, 3]);
    const b = column('int', [0, 0, 1]);
    expect(() => run(bin('/', col(0, 'int'), col(1, 'int')), [a, b])).toThrow('DIVIDE_BY_ZERO');
    const a2 = column('int', [null, 4]);
    const b2 = column('int', [0, 2]);
    expect(run(bin('/', col(0, 'int'), col(1, 'int')), [a2, b2])).toEqual([null, 2]);
    const big = column('int', [2147483647, null]);
    expect(run(bin('+', col(0, 'int'), col(1, 'int')), [big, column('int', [null, 5])])).toEqual([null, null]);
  });

  test('nulls propagate', () => {
    expect(one(bin('+', lit(1), lit(null)))).toBe(null);
    expect(bin('+', lit(1), lit(null)).type).toBe('int');
    expect(bin('+', lit(null), lit(null)).type).toBe('double');
    expect(bin('/', lit(null), lit(1)).type).toBe('double');
    expect(un('negate', lit(null)).type).toBe('double');
  });

  test('doubles follow IEEE except / and % by zero', () => {
    expect(one(bin('%', lit(-7.5), lit(2)))).toBe(-1.5);
    expect(one(bin('*', lit(1e308), lit(10.0)))).toBe(Infinity);
    expect(bin('+', cast(lit(1), 'float'), lit(1)).type).toBe('double');
    expect(bin('+', cast(lit(1), 'float'), cast(lit(1), 'float')).type).toBe('float');
    expect(bin('%', cast(lit(1), 'float'), cast(lit(1), 'float')).type).toBe('float');
  });

  test('unary minus', () => {
    expect(one(un('negate', lit(5)))).toBe(-5);
    expect(() => one(un('negate', lit(-2147483648)))).toThrow('[ARITHMETIC_OVERFLOW] integer overflow.');
    expect(() => one(un('negate', cast(lit(-128), 'tinyint')))).toThrow('byte overflow');
    expect(() => one(un('negate', lit(-9223372036854775808n)))).toThrow('long overflow');
    expect(one(un('negate', dec('1.5', 'decimal(2,1)')), { decimal: 'string' })).toBe('-1.5');
    expect(Object.is(one(un('negate', lit(0, 'double'))), -0)).toBe(true);
  });

  test('strings in arithmetic are cast (ANSI string promotion)', () => {
    expect(bin('+', lit('1'), lit(1)).type).toBe('bigint');
    expect(one(bin('+', lit('1'), lit(1)))).toBe(2n);
    expect(() => one(bin('+', lit('1.5'), lit(1)))).toThrow("[CAST_INVALID_INPUT] The value '1.5' of the type \"STRING\" cannot be cast to \"BIGINT\"");
    expect(bin('+', lit('1'), lit(1.5)).type).toBe('double');
    expect(bin('+', lit('1'), dec('1', 'decimal(5,2)')).type).toBe('double');
    expect(bin('/', lit('4'), lit(2)).type).toBe('double');
    expect(bin('%', lit('4'), lit(2)).type).toBe('bigint');
    expect(bin('div', lit('4'), lit(2)).type).toBe('bigint');
    expect(un('negate', lit('4')).type).toBe('double');
    expect(code(() => bin('+', lit('1'), lit('2')))).toBe('DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE');
    expect(code(() => bin('div', lit(5.5), lit(2)))).toBe('DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES');
  });

  test('date arithmetic', () => {
    expect(bin('+', cast(lit('2020-01-01'), 'date'), lit(1)).type).toBe('date');
    expect(one(bin('+', cast(lit('2020-01-31'), 'date'), lit(1)))).toEqual(new Date('2020-02-01T00:00:00Z'));
    expect(one(bin('-', cast(lit('2020-03-01'), 'date'), lit(1)))).toEqual(new Date('2020-02-29T00:00:00Z'));
    // date - date is an `interval day` (Spark 3.2+ without legacy intervals).
    const diff = bin('-', cast(lit('2020-01-01'), 'date'), cast(lit('2019-01-01'), 'date'));
    expect(diff.type).toBe('interval day');
    expect(one(diff)).toBe(365n * 86_400_000_000n);
  });

  test('interval arithmetic (date/timestamp ± year-month and day-time intervals)', () => {
    const d = (s: string) => cast(lit(s), 'date');
    const ym = (m: number, t = 'interval month') => lit(m, t);
    const dt = (us: bigint, t = 'interval day') => lit(us, t);
    const DAY = 86_400_000_000n;
    // LocalDate.plusMonths clamps to the month's last day.
    expect(one(bin('+', d('2020-01-31'), ym(1)))).toEqual(new Date('2020-02-29T00:00:00Z'));
    expect(one(bin('-', d('2020-03-31'), ym(1)))).toEqual(new Date('2020-02-29T00:00:00Z'));
    expect(one(bin('+', ym(12, 'interval year'), d('2019-02-28')))).toEqual(new Date('2020-02-28T00:00:00Z'));
    expect(bin('-', d('1998-12-01'), dt(90n * DAY)).type).toBe('date');
    expect(one(bin('-', d('1998-12-01'), dt(90n * DAY)))).toEqual(new Date('1998-09-02T00:00:00Z'));
    // A time-of-day interval makes a timestamp.
    const plusHours = bin('+', d('2020-01-01'), dt(3n * 3_600_000_000n, 'interval hour'));
    expect(plusHours.type).toBe('timestamp');
    expect(one(plusHours)).toEqual(new Date('2020-01-01T03:00:00Z'));
    expect(bin('+', ym(1), ym(12, 'interval year')).type).toBe('interval year to month');
    expect(one(bin('+', ym(1), ym(12, 'interval year')))).toBe(13);
    expect(code(() => bin('+', ym(1), dt(DAY)))).toBe('UNSUPPORTED_FEATURE');
    expect(one(bin('+', cast(lit('2020-01-31 10:00:00'), 'timestamp'), ym(1)))).toEqual(new Date('2020-02-29T10:00:00Z'));
  });
});

describe('decimal arithmetic', () => {
  const s = (b: Parameters<typeof one>[0]) => one(b, { decimal: 'string' });
  test('result types follow Spark (DecimalPrecision)', () => {
    expect(bin('+', lit(1), lit('1.5', 'decimal(2,1)')).type).toBe('decimal(3,1)');
    expect(bin('+', dec('1', 'decimal(10,2)'), col(0, 'int')).type).toBe('decimal(13,2)');
    expect(bin('+', dec('1', 'decimal(10,2)'), lit(1)).type).toBe('decimal(11,2)');
    expect(bin('*', dec('1', 'decimal(10,2)'), dec('1', 'decimal(10,3)')).type).toBe('decimal(21,5)');
    expect(bin('/', dec('1', 'decimal(10,2)'), dec('1', 'decimal(10,3)')).type).toBe('decimal(24,13)');
    expect(bin('%', dec('1', 'decimal(10,2)'), dec('1', 'decimal(5,3)')).type).toBe('decimal(5,3)');
    expect(bin('*', dec('1', 'decimal(38,10)'), dec('1', 'decimal(38,10)')).type).toBe('decimal(38,6)');
    expect(bin('/', dec('1', 'decimal(38,2)'), lit(3)).type).toBe('decimal(38,6)');
    expect(bin('+', dec('1', 'decimal(38,37)'), dec('1', 'decimal(38,37)')).type).toBe('decimal(38,36)');
    expect(bin('*', dec('1', 'decimal(20,10)'), dec('1', 'decimal(20,10)')).type).toBe('decimal(38,17)');
    expect(bin('+', cast(lit(1), 'float'), dec('1', 'decimal(5,2)')).type).toBe('double');
    expect(bin('+', dec('1', 'decimal(5,2)'), lit(1.5)).type).toBe('double');
    expect(bin('%', lit(1), lit('1.5', 'decimal(2,1)')).type).toBe('decimal(2,1)');
  });

  test('values', () => {
    expect(s(bin('/', dec('1', 'decimal(38,2)'), lit(3)))).toBe('0.333333');
    expect(s(bin('/', dec('10', 'decimal(4,1)'), dec('3', 'decimal(4,1)')))).toBe('3.333333');
    expect(s(bin('/', dec('-10', 'decimal(4,1)'), dec('3', 'decimal(4,1)')))).toBe('-3.333333');
    expect(s(bin('/', dec('2', 'decimal(4,1)'), dec('3', 'decimal(4,1)')))).toBe('0.666667');
    expect(s(bin('+', dec('0.5', 'decimal(38,37)'), dec('1', 'decimal(38,37)')))).toBe('1.500000000000000000000000000000000000');
    expect(s(bin('*', dec('1.23456789012', 'decimal(20,11)'), dec('1.23456789012', 'decimal(20,11)')))).toBe('1.5241578753153483936');
    expect(s(bin('%', lit(7), lit('2.5', 'decimal(2,1)')))).toBe('2.0');
    expect(s(bin('%', lit(-7), lit('2.5', 'decimal(2,1)')))).toBe('-2.0');
    expect(s(bin('%', dec('-7.5', 'decimal(3,1)'), lit(2)))).toBe('-1.5');
    expect(s(bin('%', dec('7.5', 'decimal(5,2)'), lit(2)))).toBe('1.50');
    expect(one(bin('div', dec('7.5', 'decimal(5,2)'), lit(2)))).toBe(3n);
    expect(one(bin('div', dec('7', 'decimal(3,0)'), dec('-2', 'decimal(3,0)')))).toBe(-3n);
    expect(s(bin('*', dec('99999999', 'decimal(8,0)'), lit(100)))).toBe('9999999900');
  });

  test('overflow raises NUMERIC_VALUE_OUT_OF_RANGE', () => {
    expect(() => one(bin('*', dec('9e37', 'decimal(38,0)'), lit(10)))).toThrow(
      '[NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION] 900000000000000000000000000000000000000 cannot be represented as Decimal(38, 0)',
    );
    expect(code(() => one(bin('+', dec('99999999999999999999999999999999999999', 'decimal(38,0)'), lit(1))))).toBe(
      'NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION',
    );
  });
});

describe('decimal column kernels (the no-rounding loop and the general path)', () => {
  const d = (type: string, values: (string | null)[]) => column(type, values);
  const str = { decimal: 'string' } as const;
  test('+, - and * over columns with nulls, rescaled operands and mixed signs', () => {
    const a = d('decimal(12,2)', ['1.25', null, '-3.50', '99999999.99', '0.01']);
    const b = d('decimal(13,3)', ['2.125', '1.000', null, '-0.001', '-0.011']);
    expect(run(bin('+', col(0, 'decimal(12,2)'), col(1, 'decimal(13,3)')), [a, b], str)).toEqual(['3.375', null, null, '99999999.989', '-0.001']);
    expect(run(bin('-', col(0, 'decimal(12,2)'), col(1, 'decimal(13,3)')), [a, b], str)).toEqual(['-0.875', null, null, '99999999.991', '0.021']);
    expect(run(bin('*', col(0, 'decimal(12,2)'), col(1, 'decimal(13,3)')), [a, b], str)).toEqual(['2.65625', null, null, '-99999.99999', '-0.00011']);
  });

  test('a row that overflows in the middle of a column: error under ANSI, NULL for try_', () => {
    const a = d('decimal(38,0)', ['1', '99999999999999999999999999999999999999', '-2', null]);
    const b = d('decimal(38,0)', ['2', '2', '3', '1']);
    expect(code(() => run(bin('+', col(0, 'decimal(38,0)'), col(1, 'decimal(38,0)')), [a, b]))).toBe('NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION');
    expect(run(fn('try_add', col(0, 'decimal(38,0)'), col(1, 'decimal(38,0)')), [a, b], str)).toEqual(['3', null, '1', null]);
    expect(run(fn('try_multiply', col(0, 'decimal(38,0)'), col(1, 'decimal(38,0)')), [a, b], str)).toEqual(['2', null, '-6', null]);
  });

  test('* that rounds (scale above 38 digits) takes the HALF_UP path', () => {
    const a = d('decimal(38,10)', ['1.0000000005', '-1.0000000005']);
    const b = d('decimal(38,10)', ['1.0000000000', '1.0000000000']);
    expect(bin('*', col(0, 'decimal(38,10)'), col(1, 'decimal(38,10)')).type).toBe('decimal(38,6)');
    expect(run(bin('*', col(0, 'decimal(38,10)'), col(1, 'decimal(38,10)')), [a, b], str)).toEqual(['1.000000', '-1.000000']);
  });
});

describe('try_ arithmetic returns NULL instead of raising', () => {
  test('try_add, try_subtract, try_multiply, try_divide, try_mod', () => {
    expect(one(fn('try_add', lit(2147483647), lit(1)))).toBe(null);
    expect(one(fn('try_add', lit(1), lit(2)))).toBe(3);
    expect(one(fn('try_subtract', lit(-9223372036854775808n), lit(1n)))).toBe(null);
    expect(one(fn('try_multiply', lit(2147483647), lit(2)))).toBe(null);
    expect(one(fn('try_divide', lit(1), lit(0)))).toBe(null);
    expect(one(fn('try_divide', lit(1), lit(4)))).toBe(0.25);
    expect(one(fn('try_mod', lit(5), lit(0)))).toBe(null);
    expect(one(fn('mod', lit(5), lit(3)))).toBe(2);
    const a = column('int', [1, 2147483647, null]);
    expect(run(fn('try_add', col(0, 'int'), lit(1)), [a])).toEqual([2, null, null]);
  });
});
