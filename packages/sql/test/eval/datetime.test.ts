import { describe, expect, test } from 'vitest';
import { SqlError } from '../../src/eval/errors.js';
import { civilFromDays, daysFromCivil, formatWithPattern, compilePattern } from '../../src/eval/datetime.js';
import { cast, col, column, fn, lit, one, run } from './helpers.js';

const D = (s: string) => new Date(`${s}T00:00:00Z`);
const TS = (s: string) => new Date(`${s.replace(' ', 'T')}Z`);
const date = (s: string) => cast(lit(s), 'date');
const ts = (s: string) => cast(lit(s), 'timestamp');

function err(g: () => unknown): SqlError {
  try {
    g();
  } catch (e) {
    if (e instanceof SqlError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

describe('calendar', () => {
  test('day numbers round-trip over the proleptic Gregorian calendar', () => {
    for (const [y, m, d] of [
      [1970, 1, 1],
      [2000, 2, 29],
      [1900, 3, 1],
      [1, 1, 1],
      [-44, 3, 15],
      [9999, 12, 31],
    ] as const) {
      const days = daysFromCivil(y, m, d);
      expect(Array.from(civilFromDays(days, [0, 0, 0]))).toEqual([y, m, d]);
    }
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(2020, 1, 1)).toBe(18262);
  });
});

describe('to_date, to_timestamp', () => {
  test('without a pattern they cast', () => {
    expect(one(fn('to_date', lit('2020-01-05')))).toEqual(D('2020-01-05'));
    expect(one(fn('to_date', lit('2020-1-5 10:00:00')))).toEqual(D('2020-01-05'));
    expect(one(fn('to_date', ts('2020-01-01 23:00:00')))).toEqual(D('2020-01-01'));
    expect(one(fn('to_date', lit(null)))).toBe(null);
    expect(err(() => one(fn('to_date', lit('foo')))).code).toBe('CAST_INVALID_INPUT');
    expect(one(fn('to_timestamp', lit('2020-01-05 10:11:12')))).toEqual(TS('2020-01-05 10:11:12'));
    expect(one(fn('to_timestamp', lit(1.5)))).toEqual(TS('1970-01-01 00:00:01.500'));
    expect(one(fn('to_timestamp', date('2020-01-01')))).toEqual(TS('2020-01-01 00:00:00'));
  });

  test('with Spark datetime patterns', () => {
    expect(one(fn('to_date', lit('05/01/2020'), lit('dd/MM/yyyy')))).toEqual(D('2020-01-05'));
    expect(one(fn('to_date', lit('5/1/2020'), lit('d/M/yyyy')))).toEqual(D('2020-01-05'));
    expect(one(fn('to_timestamp', lit('2020-01-05 10:11:12'), lit('yyyy-MM-dd HH:mm:ss')))).toEqual(TS('2020-01-05 10:11:12'));
    expect(one(fn('to_timestamp', lit('05-Jan-2020 10:11:12.345'), lit('dd-MMM-yyyy HH:mm:ss.SSS')))).toEqual(TS('2020-01-05 10:11:12.345'));
    expect(one(fn('to_timestamp', lit('2020-01-05 10:11:12.3'), lit('yyyy-MM-dd HH:mm:ss.SSS')))).toEqual(TS('2020-01-05 10:11:12.300'));
    expect(one(fn('to_timestamp', lit('2020-01-05 1:11:12 PM'), lit('yyyy-MM-dd h:mm:ss a')))).toEqual(TS('2020-01-05 13:11:12'));
    expect(one(fn('to_timestamp', lit('2020-01-05T10:11:12+0100'), lit("yyyy-MM-dd'T'HH:mm:ssZ")))).toEqual(TS('2020-01-05 09:11:12'));
    expect(one(fn('to_timestamp', lit('2020-01-05T10:11:12+01:00'), lit("yyyy-MM-dd'T'HH:mm:ssXXX")))).toEqual(TS('2020-01-05 09:11:12'));
    expect(one(fn('to_timestamp', lit('20/01/05'), lit('yy/MM/dd')))).toEqual(TS('2020-01-05 00:00:00'));
    expect(one(fn('to_timestamp', lit('2020'), lit('yyyy')))).toEqual(TS('2020-01-01 00:00:00'));
    expect(one(fn('to_date', lit('20200105'), lit('yyyyMMdd')))).toEqual(D('2020-01-05'));
    expect(one(fn('to_date', lit('2020-064'), lit('yyyy-DDD')))).toEqual(D('2020-03-04'));
    expect(one(fn('to_timestamp', lit('2020-03-04'), lit('yyyy-MM-dd[ HH:mm]')))).toEqual(TS('2020-03-04 00:00:00'));
    expect(one(fn('to_timestamp', lit('2020-03-04 05:06'), lit('yyyy-MM-dd[ HH:mm]')))).toEqual(TS('2020-03-04 05:06:00'));
    expect(one(fn('to_timestamp', lit('JANUARY 5 2020'), lit('MMMM d yyyy')))).toEqual(TS('2020-01-05 00:00:00'));
    expect(one(fn('to_timestamp', lit('2020-01-05 10:00:00.123456789'), lit('yyyy-MM-dd HH:mm:ss.SSSSSSSSS')))).toEqual(TS('2020-01-05 10:00:00.123'));
    expect(() => one(fn('to_timestamp', lit('2020-01-05 13:00'), lit('yyyy-MM-dd hh:mm')))).toThrow('Invalid value for ClockHourOfAmPm (valid values 1 - 12): 13');
    expect(() => one(fn('to_date', lit('2020-02-30'), lit('yyyy-MM-dd')))).toThrow("Invalid date 'FEBRUARY 30'");
  });

  test('unparseable text raises CANNOT_PARSE_TIMESTAMP; try_to_timestamp returns NULL', () => {
    expect(() => one(fn('to_date', lit('5/1/2020'), lit('dd/MM/yyyy')))).toThrow(
      "[CANNOT_PARSE_TIMESTAMP] Text '5/1/2020' could not be parsed at index 0. Use `try_to_timestamp` to tolerate invalid input string and return NULL instead.",
    );
    expect(() => one(fn('to_date', lit('2020-13-01'), lit('yyyy-MM-dd')))).toThrow(
      "Text '2020-13-01' could not be parsed: Invalid value for MonthOfYear (valid values 1 - 12): 13",
    );
    expect(() => one(fn('to_date', lit('2020-01-01 extra'), lit('yyyy-MM-dd')))).toThrow('unparsed text found at index 10');
    expect(() => one(fn('to_timestamp', lit('2020-01-05 10:11'), lit('yyyy-MM-dd HH:mm:ss')))).toThrow('could not be parsed at index 16');
    expect(err(() => one(fn('to_date', lit('2020-02-30'), lit('yyyy-MM-dd')))).code).toBe('CANNOT_PARSE_TIMESTAMP');
    expect(one(fn('try_to_timestamp', lit('junk'), lit('yyyy-MM-dd')))).toBe(null);
    expect(one(fn('try_to_timestamp', lit('2020-01-01'), lit('yyyy-MM-dd')))).toEqual(TS('2020-01-01 00:00:00'));
    expect(err(() => one(fn('to_date', lit('2020'), lit('yyyy-ww')))).code).toBe('INVALID_DATETIME_PATTERN');
  });
});

describe('fields', () => {
  test('year, month, dayofmonth, hour, minute, second', () => {
    expect(one(fn('year', date('2020-03-04')))).toBe(2020);
    expect(one(fn('year', lit('2020-03-04')))).toBe(2020);
    expect(one(fn('year', ts('2020-03-04 05:06:07')))).toBe(2020);
    expect(one(fn('month', lit('2020-03-04 05:06:07')))).toBe(3);
    expect(one(fn('dayofmonth', lit('2020-03-04')))).toBe(4);
    expect(one(fn('day', date('2020-02-29')))).toBe(29);
    expect(one(fn('hour', lit('2020-03-04 05:06:07')))).toBe(5);
    expect(one(fn('hour', date('2020-03-04')))).toBe(0);
    expect(one(fn('hour', ts('1969-12-31 23:00:00')))).toBe(23);
    expect(one(fn('minute', ts('2020-03-04 05:06:07')))).toBe(6);
    expect(one(fn('second', ts('2020-03-04 05:06:07')))).toBe(7);
    expect(one(fn('year', date('0001-01-01')))).toBe(1);
    expect(one(fn('year', lit(null)))).toBe(null);
    expect(err(() => one(fn('year', lit('2020-13-01')))).code).toBe('CAST_INVALID_INPUT');
    expect(err(() => one(fn('to_date', lit('')))).code).toBe('CAST_INVALID_INPUT');
    expect(err(() => one(fn('to_timestamp', lit('')))).code).toBe('CAST_INVALID_INPUT');
    expect(fn('year', date('2020-03-04')).type).toBe('int');
  });
});

describe('date arithmetic', () => {
  test('date_add, date_sub, datediff', () => {
    expect(one(fn('date_add', date('2020-01-31'), lit(1)))).toEqual(D('2020-02-01'));
    expect(one(fn('date_add', lit('2020-01-31'), lit(1)))).toEqual(D('2020-02-01'));
    expect(one(fn('date_add', date('2020-01-31'), lit(-1)))).toEqual(D('2020-01-30'));
    expect(one(fn('date_add', ts('2020-01-31 10:00:00'), lit(1)))).toEqual(D('2020-02-01'));
    expect(one(fn('date_add', date('2020-01-31'), lit('1')))).toEqual(D('2020-02-01'));
    expect(one(fn('date_sub', date('2020-03-01'), lit(1)))).toEqual(D('2020-02-29'));
    expect(one(fn('date_sub', date('2020-01-01'), lit(-1)))).toEqual(D('2020-01-02'));
    expect(err(() => fn('date_add', date('2020-01-31'), lit(1n))).code).toBe('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE');
    expect(one(fn('datediff', date('2020-03-01'), date('2020-02-01')))).toBe(29);
    expect(one(fn('datediff', lit('2020-03-01 23:00:00'), lit('2020-02-01')))).toBe(29);
    expect(one(fn('datediff', lit(null), date('2020-01-01')))).toBe(null);
    expect(one(fn('date_add', date('2020-01-01'), lit(null)))).toBe(null);
  });
});

describe('date_format', () => {
  const fmt = (t: string, p: string) => one(fn('date_format', ts(t), lit(p)));
  test('pattern letters', () => {
    expect(fmt('2020-03-04 05:06:07.123', 'yyyy-MM-dd HH:mm:ss.SSS')).toBe('2020-03-04 05:06:07.123');
    expect(one(fn('date_format', date('2020-03-04'), lit('dd/MM/yy EEE EEEE MMM MMMM D a hh')))).toBe('04/03/20 Wed Wednesday Mar March 64 AM 12');
    expect(one(fn('date_format', lit('2020-03-04 15:06:07'), lit('h:mm a')))).toBe('3:06 PM');
    expect(fmt('2020-03-04 05:06:07', "yyyy-MM-dd'T'HH:mm:ss'Z' ''")).toBe("2020-03-04T05:06:07Z '");
    expect(fmt('2020-03-04 05:06:07', 'Z XXX x zzz')).toBe('+0000 Z +00 UTC');
    expect(fmt('2020-03-04 05:06:07', 'q Q')).toBe('1 1');
    expect(one(fn('date_format', date('0001-01-01'), lit('yyyy y yy')))).toBe('0001 1 01');
    expect(fmt('2020-03-04 05:06:07.123456', 'S SS SSSSSS')).toBe('1 12 123456');
    expect(fmt('2020-03-04 05:06:07', 'G')).toBe('AD');
    expect(fmt('2020-03-04 05:06:07', 'k K')).toBe('5 5');
    expect(fmt('2020-03-04 05:06:07', 'yyyy-MM-dd[ HH:mm]')).toBe('2020-03-04 05:06');
    expect(fmt('2020-03-04 05:06:07.5', 'SSSSSSSSS')).toBe('500000000');
    expect(one(fn('date_format', date('2020-12-31'), lit('D DD DDD')))).toBe('366 366 366');
    expect(fmt('2020-03-04 00:06:07', 'h hh K k kk')).toBe('12 12 0 24 24');
    expect(fmt('2020-03-04 12:06:07', 'h a')).toBe('12 PM');
    expect(fmt('2020-03-04 05:06:07', "yyyy-MM-dd 'at' HH")).toBe('2020-03-04 at 05');
    expect(one(fn('date_format', date('2020-03-04'), lit('F')))).toBe('4');
    expect(err(() => fmt('2020-03-04 05:06:07', 'MMMMM')).code).toBe('INVALID_DATETIME_PATTERN');
    expect(one(fn('date_format', lit(null, 'timestamp'), lit('yyyy')))).toBe(null);
    expect(err(() => fmt('2020-03-04 05:06:07', 'yyyy-MM-dd u')).code).toBe('INVALID_DATETIME_PATTERN');
    expect(formatWithPattern(0n, compilePattern('EEEE'))).toBe('Thursday');
  });
});

describe('clock functions', () => {
  test('current_date and current_timestamp', () => {
    const d = one(fn('current_date')) as Date;
    const now = Date.now();
    expect(Math.abs(d.getTime() - Math.floor(now / 86_400_000) * 86_400_000)).toBeLessThanOrEqual(86_400_000);
    const t0 = one(fn('current_timestamp')) as Date;
    expect(Math.abs(t0.getTime() - now)).toBeLessThan(60_000);
    expect(fn('current_date').type).toBe('date');
    expect(fn('now').type).toBe('timestamp');
  });

  test('columns', () => {
    const c = column('date', ['2020-01-01', null, new Date('2021-06-15T00:00:00Z')]);
    expect(run(fn('year', col(0, 'date')), [c])).toEqual([2020, null, 2021]);
    expect(run(fn('date_add', col(0, 'date'), lit(10)), [c])).toEqual([D('2020-01-11'), null, D('2021-06-25')]);
  });
});
