import * as arrow from 'apache-arrow';
import { describe, expect, test } from 'vitest';
import { vecFromArrow, vecFromValues, vecToArrow, vecToValues } from '../../src/eval/arrow-convert.js';
import type { Vec } from '../../src/eval/vec.js';
import { t } from './helpers.js';

/** Vec → Arrow → IPC bytes → Arrow → Vec, to check the Arrow data we build is valid. */
function throughIpc(v: Vec): Vec {
  const table = new arrow.Table({ c: vecToArrow(v) });
  const back = arrow.tableFromIPC(arrow.tableToIPC(table));
  return vecFromArrow(back.getChild('c')!, v.type);
}

const cases: [string, unknown[]][] = [
  ['boolean', [true, false, null, true, false, false, true, true, false, null]],
  ['tinyint', [1, -128, 127, null]],
  ['smallint', [1, -32768, null]],
  ['int', [1, -2147483648, 2147483647, null, 0]],
  ['bigint', [1n, -9223372036854775808n, 9223372036854775807n, null]],
  ['float', [1.5, Math.fround(0.1), null, -0]],
  ['double', [1.5, NaN, Infinity, null, -0]],
  ['decimal(10,2)', [1.5, -2.25, null, 12345678.99]],
  ['decimal(38,10)', ['1234567890123456789012345678.0123456789', '-0.0000000001', null]],
  ['string', ['a', '', null, 'héllo wörld', '😀', 'x'.repeat(1000)]],
  ['binary', [new Uint8Array([1, 2, 3]), null, new Uint8Array([])]],
  ['date', [new Date('2020-01-05T00:00:00Z'), null, new Date('1969-12-31T00:00:00Z'), new Date('0001-01-01T00:00:00Z')]],
  ['timestamp', [new Date('2020-01-05T10:11:12.345Z'), null, new Date('1969-12-31T23:59:59.999Z')]],
  ['array<int>', [[1, 2, null], null, [], [3]]],
  ['array<array<string>>', [[['a'], [], null], null, [['b', 'c']]]],
  ['struct<a:int,b:string>', [{ a: 1, b: 'x' }, null, { a: null, b: 'y' }]],
  ['struct<a:struct<b:array<int>>>', [{ a: { b: [1] } }, { a: null }, null]],
  ['map<string,int>', [new Map([['a', 1], ['b', null]]), null, new Map()]],
  ['void', [null, null]],
];

describe('JS values ↔ Vec ↔ Arrow', () => {
  for (const [type, values] of cases) {
    test(type, () => {
      const opts = { decimal: 'string' as const };
      const v = vecFromValues(t(type), values);
      const expected = vecToValues(v, opts);
      if (!type.startsWith('decimal')) {
        expect(expected.map((x) => (typeof x === 'number' && Number.isNaN(x) ? 'NaN' : x))).toEqual(
          values.map((x) => (typeof x === 'number' && Number.isNaN(x) ? 'NaN' : x)),
        );
      }
      const back = vecFromArrow(vecToArrow(v), v.type);
      expect(vecToValues(back, opts)).toEqual(expected);
      expect(vecToValues(throughIpc(v), opts)).toEqual(expected);
    });
  }

  test('decimal values', () => {
    const v = vecFromValues(t('decimal(10,2)'), [1.5, -2.25, null, '12345678.99', 7n]);
    expect(vecToValues(v, { decimal: 'string' })).toEqual(['1.50', '-2.25', null, '12345678.99', '7.00']);
    expect(vecToValues(v)).toEqual([1.5, -2.25, null, 12345678.99, 7]);
    expect(() => vecFromValues(t('decimal(3,1)'), [12345])).toThrow('INVALID_VALUE_FOR_TYPE');
  });

  test('row values are checked against the type', () => {
    expect(() => vecFromValues(t('int'), ['1'])).toThrow("cannot store the string value '1' in a column of type int");
    expect(() => vecFromValues(t('int'), [2 ** 31])).toThrow('INVALID_VALUE_FOR_TYPE');
    expect(vecToValues(vecFromValues(t('bigint'), [5]))).toEqual([5n]);
    expect(vecToValues(vecFromValues(t('date'), ['2020-01-02']))).toEqual([new Date('2020-01-02T00:00:00Z')]);
    expect(vecToValues(vecFromValues(t('timestamp'), [1577836800000123n]), { timestamp: 'micros' })).toEqual([1577836800000123n]);
    expect(vecToValues(vecFromValues(t('struct<a:int,b:string>'), [[1, 'x']]))).toEqual([{ a: 1, b: 'x' }]);
    expect(vecToValues(vecFromValues(t('map<string,int>'), [{ a: 1 }]))).toEqual([new Map([['a', 1]])]);
  });
});

describe('Arrow → Vec', () => {
  test('typed arrays are shared, not copied, for numbers', () => {
    const a = arrow.makeVector(new Float64Array([1, 2, 3]));
    const v = vecFromArrow(a);
    expect(v.values).toBeInstanceOf(Float64Array);
    expect((v.values as Float64Array).buffer).toBe(a.data[0]!.values.buffer);
    const i64 = arrow.makeVector(new BigInt64Array([1n, 2n]));
    expect(vecFromArrow(i64).values).toBeInstanceOf(BigInt64Array);
    expect(vecFromArrow(i64).type.simpleString()).toBe('bigint');
  });

  test('null bitmaps and sliced data (offsets)', () => {
    const vec = arrow.vectorFromArray([1, null, 3, null, 5, 6, 7, 8, 9, null, 11], new arrow.Int32());
    const sliced = vec.slice(3, 10);
    expect(vecToValues(vecFromArrow(sliced))).toEqual([null, 5, 6, 7, 8, 9, null]);
    const b = arrow.vectorFromArray([true, false, null, true, true, false, false, true, true, false], new arrow.Bool());
    expect(vecToValues(vecFromArrow(b.slice(2, 9)))).toEqual([null, true, true, false, false, true, true]);
    const s = arrow.vectorFromArray(['a', 'bb', null, 'ccc', 'dd'], new arrow.Utf8());
    expect(vecToValues(vecFromArrow(s.slice(1, 4)))).toEqual(['bb', null, 'ccc']);
    const l = arrow.vectorFromArray([[1], [2, 3], null, [4, 5, 6]], new arrow.List(new arrow.Field('item', new arrow.Int32(), true)));
    expect(vecToValues(vecFromArrow(l.slice(1, 4)))).toEqual([[2, 3], null, [4, 5, 6]]);
  });

  test('several chunks', () => {
    const a = arrow.vectorFromArray([1, 2], new arrow.Int32());
    const b = arrow.vectorFromArray([null, 4], new arrow.Int32());
    const both = a.concat(b);
    expect(both.data.length).toBe(2);
    expect(vecToValues(vecFromArrow(both))).toEqual([1, 2, null, 4]);
  });

  test('dictionary-encoded strings', () => {
    const d = arrow.vectorFromArray(['x', 'y', null, 'x', 'ü'], new arrow.Dictionary(new arrow.Utf8(), new arrow.Int32()));
    const v = vecFromArrow(d);
    expect(v.type.simpleString()).toBe('string');
    expect(vecToValues(v)).toEqual(['x', 'y', null, 'x', 'ü']);
  });

  test('dates and timestamps in other units', () => {
    const ms = arrow.vectorFromArray([new Date('2020-01-05T00:00:00Z'), null], new arrow.DateMillisecond());
    expect(vecToValues(vecFromArrow(ms))).toEqual([new Date('2020-01-05T00:00:00Z'), null]);
    const tsMs = arrow.makeVector(arrow.makeData({ type: new arrow.TimestampMillisecond(), data: new BigInt64Array([1500n, -1n]) }));
    expect(vecToValues(vecFromArrow(tsMs), { timestamp: 'micros' })).toEqual([1_500_000n, -1000n]);
    const tsS = arrow.makeVector(arrow.makeData({ type: new arrow.TimestampSecond(), data: new BigInt64Array([2n]) }));
    expect(vecToValues(vecFromArrow(tsS), { timestamp: 'micros' })).toEqual([2_000_000n]);
    const tsNs = arrow.makeVector(arrow.makeData({ type: new arrow.TimestampNanosecond(), data: new BigInt64Array([1999n, -1n]) }));
    expect(vecToValues(vecFromArrow(tsNs), { timestamp: 'micros' })).toEqual([1n, -1n]);
  });

  test('Decimal128 with negative values and the Arrow type', () => {
    const v = vecFromValues(t('decimal(38,2)'), ['-1.00', '170141183460469231731687303715884105.72', null]);
    const a = vecToArrow(v);
    expect(arrow.DataType.isDecimal(a.type)).toBe(true);
    expect(vecToValues(vecFromArrow(a), { decimal: 'string' })).toEqual(['-1.00', '170141183460469231731687303715884105.72', null]);
  });

  test('Decimal128 around the 64-bit boundary (values read from one word or assembled from four)', () => {
    const vals = ['9223372036854775807', '-9223372036854775808', '9223372036854775808', '-9223372036854775809', '-1', '0', null, '-99999999999999999999999999999999999999'];
    const v = vecFromValues(t('decimal(38,0)'), vals);
    expect(vecToValues(vecFromArrow(vecToArrow(v)), { decimal: 'string' })).toEqual(vals);
    // Rescaled to a wider scale on the way in (an Arrow decimal read as a Spark type of larger scale).
    const a = vecToArrow(vecFromValues(t('decimal(10,2)'), ['-1.50', null, '3.25']));
    expect(vecToValues(vecFromArrow(a, t('decimal(12,4)')), { decimal: 'string' })).toEqual(['-1.5000', null, '3.2500']);
  });

  test('struct, map and null columns from Arrow builders', () => {
    const st = arrow.vectorFromArray(
      [{ a: 1, b: 'x' }, null, { a: 2, b: null }],
      new arrow.Struct([new arrow.Field('a', new arrow.Int32(), true), new arrow.Field('b', new arrow.Utf8(), true)]),
    );
    expect(vecToValues(vecFromArrow(st))).toEqual([{ a: 1, b: 'x' }, null, { a: 2, b: null }]);
    const nul = arrow.makeVector(arrow.makeData({ type: new arrow.Null(), length: 3 }));
    expect(vecToValues(vecFromArrow(nul))).toEqual([null, null, null]);
    const mt = t('map<string,int>');
    const m = vecToArrow(vecFromValues(mt, [new Map([['k', 1]]), null]));
    expect(arrow.DataType.isMap(m.type)).toBe(true);
    expect(vecToValues(vecFromArrow(m))).toEqual([new Map([['k', 1]]), null]);
  });

  test('output vectors carry Spark\'s Arrow types', () => {
    expect(String(vecToArrow(vecFromValues(t('timestamp'), [null])).type)).toBe('Timestamp<MICROSECOND, UTC>');
    expect(String(vecToArrow(vecFromValues(t('date'), [null])).type)).toBe('Date32<DAY>');
    expect(vecToArrow(vecFromValues(t('int'), [1, null])).nullCount).toBe(1);
  });
});
