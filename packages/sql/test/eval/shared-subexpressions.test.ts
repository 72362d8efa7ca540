import { describe, expect, test } from 'vitest';
import { compileBound, compileShared } from '../../src/eval/evaluate.js';
import { vecToValues } from '../../src/eval/arrow-convert.js';
import { bin, caseWhen, col, column, lit } from './helpers.js';

describe('compileShared', () => {
  const a = col(0, 'int');
  const b = col(1, 'int');
  const product = bin('*', a, b);
  const exprs = [product, bin('+', product, lit(1)), bin('-', bin('*', a, b), a), caseWhen([[bin('>', product, lit(4)), product]], lit(0))];

  test('gives each expression the values compileBound gives it', () => {
    const cols = [column('int', [1, 2, null, 4]), column('int', [3, null, 5, 6])];
    const shared = compileShared(exprs);
    exprs.forEach((e, i) => expect(vecToValues(shared[i]!(cols, 4))).toEqual(vecToValues(compileBound(e)(cols, 4))));
  });

  test('a subexpression occurring twice is evaluated once per batch, and again for the next batch', () => {
    const [p, q] = compileShared([product, bin('*', a, b)]);
    const cols1 = [column('int', [1, 2]), column('int', [3, 4])];
    const cols2 = [column('int', [5, 6]), column('int', [7, 8])];
    const v1 = p!(cols1, 2);
    expect(q!(cols1, 2)).toBe(v1); // the same result object: computed once
    expect(vecToValues(p!(cols2, 2))).toEqual([35, 48]);
    expect(vecToValues(q!(cols2, 2))).toEqual([35, 48]);
    // without sharing, two compilations compute separately
    const [x, y] = [compileBound(product), compileBound(bin('*', a, b))];
    expect(x(cols1, 2)).not.toBe(y(cols1, 2));
  });

  test('an error in a shared subexpression still raises for every expression that reads it', () => {
    const div = bin('/', lit(10), a);
    const [p, q] = compileShared([div, bin('+', div, lit(1))]);
    const cols = [column('int', [0, 1])];
    expect(() => p!(cols, 2)).toThrow(/DIVIDE_BY_ZERO|divi/i);
    expect(() => q!(cols, 2)).toThrow(/DIVIDE_BY_ZERO|divi/i);
  });
});
