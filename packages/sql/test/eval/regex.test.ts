import { describe, expect, test } from 'vitest';
import { javaRegex, javaReplacement, javaSplit, likeMatcher, translateJavaRegex } from '../../src/eval/regex.js';

describe('Java regex translation', () => {
  const m = (p: string, s: string) => javaRegex(p, 'rlike').test(s);
  test('common syntax passes through', () => {
    expect(m('^a{2,3}$', 'aaa')).toBe(true);
    expect(m('^a{2}$', 'aaa')).toBe(false);
    expect(m('[a-c]+\\d', 'abc1')).toBe(true);
    expect(m('(?<y>\\d{4})-\\k<y>', '2020-2020')).toBe(true);
    expect(m('a\\.b', 'a.b')).toBe(true);
    expect(m('a\\.b', 'axb')).toBe(false);
  });

  test('Java-only syntax', () => {
    expect(m('(?i)hello', 'HeLLo')).toBe(true);
    expect(m('(?s)a.b', 'a\nb')).toBe(true);
    expect(m('a.b', 'a\nb')).toBe(false);
    expect(m('\\Aab', 'ab')).toBe(true);
    expect(m('ab\\z', 'ab\n')).toBe(false);
    expect(m('ab\\Z', 'ab\n')).toBe(true);
    expect(m('\\Q.*\\E', '.*')).toBe(true);
    expect(m('\\Q.*\\E', 'ab')).toBe(false);
    expect(m('\\p{Upper}\\p{Lower}', 'Ab')).toBe(true);
    expect(m('[\\p{Digit}x]', '7')).toBe(true);
    expect(m('\\P{Alpha}', 'a')).toBe(false);
    expect(m('a\\hb', 'a\tb')).toBe(true);
    expect(m('\\x{41}', 'A')).toBe(true);
    expect(m('\\_', '_')).toBe(true);
    expect(m('a{', 'a{')).toBe(true);
    expect(m('\\p{L}', 'é')).toBe(true);
  });

  test('unsupported syntax is an invalid pattern', () => {
    expect(() => javaRegex('a*+', 'rlike')).toThrow('INVALID_PARAMETER_VALUE.PATTERN');
    expect(() => javaRegex('(?>a)', 'rlike')).toThrow('INVALID_PARAMETER_VALUE.PATTERN');
    expect(() => javaRegex('[a-z&&[^e]]', 'rlike')).toThrow('INVALID_PARAMETER_VALUE.PATTERN');
    expect(translateJavaRegex('(?i)x').flags).toContain('i');
  });

  test('replacement strings', () => {
    expect(javaReplacement('$1-$0', 1)('ab', ['a'], undefined)).toBe('a-ab');
    expect(javaReplacement('$12', 1)('x', ['g'], undefined)).toBe('g2');
    expect(javaReplacement('\\$1', 1)('x', ['g'], undefined)).toBe('$1');
    expect(() => javaReplacement('$2', 1)).toThrow();
    expect(() => javaReplacement('a\\', 0)).toThrow();
  });

  test('split', () => {
    const re = (p: string) => javaRegex(p, 'split');
    expect(javaSplit('a,b', re(','), -1)).toEqual(['a', 'b']);
    expect(javaSplit('a1b2', re('\\d'), -1)).toEqual(['a', 'b', '']);
    expect(javaSplit('aXbXc', re('X'), 1)).toEqual(['aXbXc']);
    expect(javaSplit('aXbXc', re('X'), 2)).toEqual(['a', 'bXc']);
    expect(javaSplit('abc', re('(?=b)'), -1)).toEqual(['a', 'bc']);
    expect(javaSplit('xyz', re(','), -1)).toEqual(['xyz']);
  });

  test('LIKE matchers', () => {
    expect(likeMatcher('a%b_')('aXXbc')).toBe(true);
    expect(likeMatcher('%')('')).toBe(true);
    expect(likeMatcher('_')('')).toBe(false);
    expect(likeMatcher('a(b)%')('a(b)c')).toBe(true);
    expect(likeMatcher('a[b]')('a[b]')).toBe(true);
    expect(likeMatcher('a/%', '/')('a%')).toBe(true);
    expect(likeMatcher('A%', '\\', true)('abc')).toBe(true);
  });
});
