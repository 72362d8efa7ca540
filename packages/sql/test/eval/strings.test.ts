import { describe, expect, test } from 'vitest';
import { SqlError } from '../../src/eval/errors.js';
import { cast, col, column, fn, lit, one, run } from './helpers.js';

const f = (name: string, ...args: unknown[]) => one(fn(name, ...args.map((a) => (a === null ? lit(null, 'string') : lit(a)))));

function code(g: () => unknown): string {
  try {
    g();
  } catch (e) {
    if (e instanceof SqlError) return e.code;
    throw e;
  }
  throw new Error('expected an error');
}

describe('concat, concat_ws', () => {
  test('concat', () => {
    expect(f('concat', 'a', 'b', 'c')).toBe('abc');
    expect(f('concat', 'a', null)).toBe(null);
    expect(f('concat', 'a', 1)).toBe('a1');
    expect(one(fn('concat', fn('array', lit(1), lit(2)), fn('array', lit(3), lit(null))))).toEqual([1, 2, 3, null]);
    expect(fn('concat', fn('array', lit(1)), fn('array', lit(2n))).type).toBe('array<bigint>');
    expect(one(fn('concat', fn('array', lit(1)), cast(lit(null), 'array<int>')))).toBe(null);
    expect(code(() => fn('concat', fn('array', lit(1)), lit('x')))).toBe('DATATYPE_MISMATCH.DATA_DIFF_TYPES');
  });

  test('concat_ws skips nulls and flattens arrays', () => {
    expect(f('concat_ws', ',', 'a', null, 'b')).toBe('a,b');
    expect(one(fn('concat_ws', lit(','), fn('array', lit('a'), lit(null, 'string'), lit('b')), lit('c')))).toBe('a,b,c');
    expect(f('concat_ws', null, 'a')).toBe(null);
    expect(f('concat_ws', ',')).toBe('');
    expect(f('concat_ws', ',', 1, 2)).toBe('1,2');
  });
});

describe('substring', () => {
  test('1-based, 0 and negative positions as Spark', () => {
    expect(f('substring', 'Spark SQL', 5)).toBe('k SQL');
    expect(f('substring', 'Spark SQL', -3)).toBe('SQL');
    expect(f('substring', 'Spark SQL', 5, 1)).toBe('k');
    expect(f('substring', 'Spark SQL', 0, 3)).toBe('Spa');
    expect(f('substring', 'Spark SQL', -100, 3)).toBe('');
    expect(f('substring', 'Spark SQL', -10, 3)).toBe('Sp');
    expect(f('substring', 'Spark SQL', 2, -1)).toBe('');
    expect(f('substring', 'Spark SQL', 100)).toBe('');
    expect(f('substr', 'Spark SQL', 1.9)).toBe('Spark SQL');
    expect(f('substr', 'abc', '2')).toBe('bc');
    expect(f('substring', 123456, 2, 3)).toBe('234');
    expect(f('substring', '😀ab', 2, 1)).toBe('a');
    expect(f('substring', null, 1)).toBe(null);
    expect(one(fn('substring', lit('abc'), lit(null, 'int')))).toBe(null);
  });
});

describe('case, trim, length', () => {
  test('upper and lower', () => {
    expect(f('upper', 'straße')).toBe('STRASSE');
    expect(f('lower', 'ABC')).toBe('abc');
    expect(f('ucase', 'a')).toBe('A');
    expect(f('upper', 1)).toBe('1');
    expect(f('upper', null)).toBe(null);
  });

  test('trim removes spaces only; two-argument forms', () => {
    expect(f('trim', '  a  ')).toBe('a');
    expect(f('trim', '\ta\t')).toBe('\ta\t');
    expect(f('ltrim', '  a  ')).toBe('a  ');
    expect(f('rtrim', '  a  ')).toBe('  a');
    // SQL call form: trim(trimChars, str)
    expect(f('trim', 'xxaxx', 'x')).toBe('');
    expect(f('trim', 'x', 'xxaxx')).toBe('a');
    expect(f('ltrim', 'x', 'xxaxx')).toBe('axx');
    expect(f('rtrim', 'x', 'xxaxx')).toBe('xxa');
    expect(f('btrim', 'xxaxx', 'x')).toBe('a');
    expect(f('trim', null)).toBe(null);
  });

  test('length counts characters', () => {
    expect(f('length', '😀a')).toBe(2);
    expect(f('length', 123)).toBe(3);
    expect(f('length', '')).toBe(0);
    expect(one(fn('length', cast(lit('\u0001\u0002'), 'binary')))).toBe(2);
    expect(f('char_length', null)).toBe(null);
  });
});

describe('regular expressions', () => {
  test('split (Java semantics, trailing empty strings kept)', () => {
    expect(f('split', 'a,b,,c,,', ',')).toEqual(['a', 'b', '', 'c', '', '']);
    expect(f('split', 'abc', '')).toEqual(['a', 'b', 'c']);
    expect(f('split', '', ',')).toEqual(['']);
    expect(f('split', 'a,b,c', ',', 2)).toEqual(['a', 'b,c']);
    expect(f('split', 'a,b,c', ',', 0)).toEqual(['a', 'b', 'c']);
    expect(f('split', 'a,b,c', ',', -1)).toEqual(['a', 'b', 'c']);
    expect(f('split', 'a1b22c', '[0-9]+')).toEqual(['a', 'b', 'c']);
    expect(f('split', ',a', ',')).toEqual(['', 'a']);
    expect(f('split', 'a.b', '.')).toEqual(['', '', '', '']);
    expect(f('split', null, ',')).toBe(null);
    expect(code(() => f('split', 'abc', '['))).toBe('INVALID_PARAMETER_VALUE.PATTERN');
  });

  test('regexp_replace', () => {
    expect(f('regexp_replace', '100-200', '(\\d+)', 'num')).toBe('num-num');
    expect(f('regexp_replace', '100-200', '(\\d+)-(\\d+)', '$2-$1')).toBe('200-100');
    expect(f('regexp_replace', 'abc', 'b', '\\$')).toBe('a$c');
    expect(f('regexp_replace', 'abcabc', 'b', 'X', 3)).toBe('abcaXc');
    expect(f('regexp_replace', 'abc', '', '-')).toBe('-a-b-c-');
    expect(f('regexp_replace', 'a.b', '.', 'x')).toBe('xxx');
    expect(f('regexp_replace', 'John Smith', '(?<first>\\w+) (?<last>\\w+)', '${last}, ${first}')).toBe('Smith, John');
    expect(f('regexp_replace', null, 'a', 'b')).toBe(null);
    expect(() => f('regexp_replace', 'abc', 'b', '$$')).toThrow(
      '[INVALID_REGEXP_REPLACE] Could not perform regexp_replace for source = "abc", pattern = "b", replacement = "$$" and position = 1.',
    );
  });

  test('regexp_extract', () => {
    expect(f('regexp_extract', '100-200', '(\\d+)-(\\d+)', 1)).toBe('100');
    expect(f('regexp_extract', '100-200', '(\\d+)-(\\d+)')).toBe('100');
    expect(f('regexp_extract', '100-200', '(\\d+)-(\\d+)', 0)).toBe('100-200');
    expect(f('regexp_extract', 'foo', '(\\d+)', 1)).toBe('');
    expect(f('regexp_extract', 'ab', '(a)|(b)', 2)).toBe('');
    expect(() => f('regexp_extract', '100-200', '(\\d+)-(\\d+)', 3)).toThrow(
      '[INVALID_PARAMETER_VALUE.REGEX_GROUP_INDEX] The value of parameter(s) `idx` in `regexp_extract` is invalid: Expects group index between 0 and 2, but got 3.',
    );
    expect(f('regexp_extract', null, '(a)', 1)).toBe(null);
  });

  test('rlike / regexp_like as functions', () => {
    expect(f('rlike', 'abc', 'b')).toBe(true);
    expect(f('regexp_like', 'abc', '^b')).toBe(false);
  });
});

describe('padding and search', () => {
  test('lpad, rpad', () => {
    expect(f('lpad', 'hi', 5, '??')).toBe('???hi');
    expect(f('lpad', 'hi', 1, '??')).toBe('h');
    expect(f('lpad', 'hi', 5, '')).toBe('hi');
    expect(f('lpad', 'hi', -1, 'x')).toBe('');
    expect(f('lpad', 'hi', 5)).toBe('   hi');
    expect(f('rpad', 'hi', 5, 'ab')).toBe('hiaba');
    expect(f('rpad', 'hi', 3n, 'ab')).toBe('hia');
    expect(f('lpad', null, 5, 'x')).toBe(null);
  });

  test('instr', () => {
    expect(f('instr', 'SparkSQL', 'SQL')).toBe(6);
    expect(f('instr', 'abc', '')).toBe(1);
    expect(f('instr', 'abc', 'z')).toBe(0);
    expect(f('instr', '😀abc', 'b')).toBe(3);
    expect(f('instr', null, 'a')).toBe(null);
  });

  test('column inputs with nulls', () => {
    const s = column('string', ['Ab', null, 'cD']);
    expect(run(fn('upper', col(0, 'string')), [s])).toEqual(['AB', null, 'CD']);
    expect(run(fn('concat', col(0, 'string'), lit('!')), [s])).toEqual(['Ab!', null, 'cD!']);
  });
});
