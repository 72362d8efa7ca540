import { describe, expect, test } from 'vitest';
import { commonType, comparisonType, implicitCast, resolveBinary, resolveCase, resolveIn, resolveUnary, widerType } from '../../src/eval/coercion.js';
import { SqlError } from '../../src/eval/errors.js';
import { t } from './helpers.js';

const rb = (op: Parameters<typeof resolveBinary>[0], l: string, r: string) => {
  const x = resolveBinary(op, t(l), t(r));
  return [x.left.simpleString(), x.right.simpleString(), x.result.simpleString()];
};

function code(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof SqlError) return e.code;
    throw e;
  }
  throw new Error('expected an error');
}

describe('resolveBinary', () => {
  test('numeric widening', () => {
    expect(rb('+', 'int', 'bigint')).toEqual(['bigint', 'bigint', 'bigint']);
    expect(rb('+', 'tinyint', 'smallint')).toEqual(['smallint', 'smallint', 'smallint']);
    expect(rb('+', 'float', 'int')).toEqual(['double', 'double', 'double']);
    expect(rb('+', 'float', 'float')).toEqual(['float', 'float', 'float']);
    expect(rb('+', 'int', 'double')).toEqual(['double', 'double', 'double']);
    expect(rb('+', 'bigint', 'decimal(5,2)')).toEqual(['decimal(20,0)', 'decimal(5,2)', 'decimal(23,2)']);
    expect(rb('+', 'decimal(5,2)', 'double')).toEqual(['double', 'double', 'double']);
    expect(rb('/', 'int', 'int')).toEqual(['double', 'double', 'double']);
    expect(rb('div', 'int', 'smallint')).toEqual(['bigint', 'bigint', 'bigint']);
    expect(rb('div', 'decimal(5,2)', 'int')).toEqual(['decimal(5,2)', 'decimal(10,0)', 'bigint']);
    expect(rb('*', 'int', 'decimal(38,0)')).toEqual(['decimal(10,0)', 'decimal(38,0)', 'decimal(38,0)']);
  });

  test('integral literals next to decimals use their digits', () => {
    const r = resolveBinary('+', t('int'), t('decimal(2,1)'), { leftLiteral: 1 });
    expect([r.left.simpleString(), r.result.simpleString()]).toEqual(['decimal(1,0)', 'decimal(3,1)']);
  });

  test('comparisons', () => {
    expect(rb('=', 'string', 'int')).toEqual(['bigint', 'bigint', 'boolean']);
    expect(rb('<', 'string', 'double')).toEqual(['double', 'double', 'boolean']);
    expect(rb('=', 'string', 'decimal(5,2)')).toEqual(['double', 'double', 'boolean']);
    expect(rb('=', 'string', 'date')).toEqual(['date', 'date', 'boolean']);
    expect(rb('=', 'timestamp', 'string')).toEqual(['timestamp', 'timestamp', 'boolean']);
    expect(rb('=', 'date', 'timestamp')).toEqual(['timestamp', 'timestamp', 'boolean']);
    expect(rb('=', 'string', 'boolean')).toEqual(['boolean', 'boolean', 'boolean']);
    expect(rb('=', 'decimal(5,2)', 'decimal(10,4)')).toEqual(['decimal(10,4)', 'decimal(10,4)', 'boolean']);
    expect(rb('<=>', 'void', 'int')).toEqual(['int', 'int', 'boolean']);
    expect(rb('=', 'array<int>', 'array<bigint>')).toEqual(['array<bigint>', 'array<bigint>', 'boolean']);
    expect(code(() => rb('=', 'boolean', 'int'))).toBe('DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES');
    expect(code(() => rb('<', 'map<string,int>', 'map<string,int>'))).toBe('DATATYPE_MISMATCH.INVALID_ORDERING_TYPE');
  });

  test('strings in arithmetic', () => {
    expect(rb('+', 'string', 'int')).toEqual(['bigint', 'bigint', 'bigint']);
    expect(rb('*', 'string', 'double')).toEqual(['double', 'double', 'double']);
    expect(rb('/', 'string', 'int')).toEqual(['double', 'double', 'double']);
    expect(code(() => rb('+', 'string', 'string'))).toBe('DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE');
    expect(code(() => rb('+', 'boolean', 'int'))).toBe('DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE');
  });

  test('dates', () => {
    expect(rb('+', 'date', 'int')).toEqual(['date', 'int', 'date']);
    expect(rb('+', 'smallint', 'date')).toEqual(['smallint', 'date', 'date']);
    expect(rb('-', 'date', 'string')).toEqual(['date', 'int', 'date']);
    expect(rb('-', 'date', 'date')).toEqual(['date', 'date', 'interval day']);
    expect(rb('-', 'timestamp', 'timestamp')).toEqual(['timestamp', 'timestamp', 'interval day to second']);
    expect(code(() => rb('+', 'timestamp', 'int'))).toBe('UNSUPPORTED_FEATURE');
  });

  test('dates, timestamps and ANSI intervals', () => {
    expect(rb('+', 'date', 'interval month')).toEqual(['date', 'interval month', 'date']);
    expect(rb('-', 'date', 'interval day')).toEqual(['date', 'interval day', 'date']);
    expect(rb('+', 'date', 'interval day to second')).toEqual(['timestamp', 'interval day to second', 'timestamp']);
    expect(rb('+', 'interval year', 'timestamp')).toEqual(['interval year', 'timestamp', 'timestamp']);
    expect(rb('+', 'interval year', 'interval month')).toEqual(['interval year to month', 'interval year to month', 'interval year to month']);
    expect(code(() => rb('*', 'interval day', 'int'))).toBe('UNSUPPORTED_FEATURE');
    expect(code(() => rb('+', 'interval day', 'interval month'))).toBe('UNSUPPORTED_FEATURE');
  });

  test('logic and pattern operators', () => {
    expect(rb('and', 'boolean', 'void')).toEqual(['boolean', 'boolean', 'boolean']);
    expect(rb('or', 'string', 'boolean')).toEqual(['boolean', 'boolean', 'boolean']);
    expect(code(() => rb('and', 'int', 'boolean'))).toBe('DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE');
    expect(rb('like', 'int', 'string')).toEqual(['string', 'string', 'boolean']);
  });
});

describe('resolveUnary, resolveCase, resolveIn, common types', () => {
  test('unary', () => {
    expect(resolveUnary('negate', t('int')).result.simpleString()).toBe('int');
    expect(resolveUnary('negate', t('string')).result.simpleString()).toBe('double');
    expect(resolveUnary('not', t('string')).child.simpleString()).toBe('boolean');
    expect(resolveUnary('isNaN', t('int')).child.simpleString()).toBe('double');
    expect(code(() => resolveUnary('negate', t('date')))).toBe('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE');
  });

  test('case', () => {
    expect(resolveCase([t('boolean')], [t('int'), t('decimal(2,1)')]).result.simpleString()).toBe('decimal(11,1)');
    expect(resolveCase([t('boolean')], [t('int'), t('string')]).result.simpleString()).toBe('bigint');
    expect(resolveCase([t('boolean')], [t('date'), t('string')]).result.simpleString()).toBe('date');
    expect(resolveCase([t('boolean')], [t('void'), t('int')]).result.simpleString()).toBe('int');
    expect(code(() => resolveCase([t('int')], [t('int')]))).toBe('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE');
    expect(code(() => resolveCase([t('boolean')], [t('int'), t('boolean')]))).toBe('DATATYPE_MISMATCH.DATA_DIFF_TYPES');
  });

  test('in', () => {
    expect(resolveIn(t('int'), [t('bigint'), t('int')]).child.simpleString()).toBe('bigint');
    expect(resolveIn(t('string'), [t('string'), t('int')]).child.simpleString()).toBe('bigint');
  });

  test('common type of many', () => {
    const ct = (...xs: string[]) => commonType(xs.map(t))?.simpleString() ?? null;
    expect(ct('int', 'bigint', 'decimal(2,1)')).toBe('decimal(21,1)');
    expect(ct('int', 'string')).toBe('bigint');
    expect(ct('int', 'double')).toBe('double');
    expect(ct('date', 'timestamp')).toBe('timestamp');
    expect(ct('date', 'string')).toBe('date');
    expect(ct('decimal(38,0)', 'decimal(10,5)')).toBe('decimal(38,0)');
    expect(ct('bigint', 'decimal(10,5)')).toBe('decimal(25,5)');
    expect(ct('float', 'bigint')).toBe('double');
    expect(ct('float', 'decimal(10,5)')).toBe('double');
    expect(ct('int', 'boolean')).toBe(null);
    expect(ct()).toBe('void');
    expect(ct('array<int>', 'array<double>')).toBe('array<double>');
    expect(widerType(t('int'), t('string'), false)).toBe(null);
    expect(comparisonType('=', t('int'), t('bigint')).simpleString()).toBe('bigint');
  });

  test('implicit casts of function arguments', () => {
    expect(implicitCast(t('int'), t('string'))?.simpleString()).toBe('string');
    expect(implicitCast(t('string'), t('int'))?.simpleString()).toBe('int');
    expect(implicitCast(t('double'), t('int'))?.simpleString()).toBe('int');
    expect(implicitCast(t('timestamp'), t('date'))?.simpleString()).toBe('date');
    expect(implicitCast(t('boolean'), t('date'))).toBe(null);
    expect(implicitCast(t('array<int>'), t('string'))).toBe(null);
  });
});
