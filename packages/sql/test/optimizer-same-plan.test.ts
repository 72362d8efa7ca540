import { describe, expect, it } from 'vitest';
import { samePlan } from '../src/optimizer/optimizer.js';
import { DecimalType, IntegerType } from '../src/types/data-types.js';

// The optimizer's fixpoint test: a round that left the plan as it was. It must never call two plans the same when
// the JSON fingerprint it replaced (cached RDDs ignored, buffers by length) tells them apart.
const fingerprint = (p: unknown) =>
  JSON.stringify(p, (k, v) => (typeof v === 'bigint' ? `${v}n` : v instanceof Uint8Array ? v.length : k === 'holder' ? null : v));

const plan = () => ({
  kind: 'filter',
  condition: { kind: 'binary', op: '>', left: { kind: 'input', ordinal: 0, type: 'int' }, right: { kind: 'literal', value: 5n, type: 'bigint' } },
  child: { kind: 'localRelation', partitions: [new Uint8Array([1, 2, 3])], output: [{ name: 'a', type: IntegerType, id: 1 }] },
  output: [{ name: 'a', type: IntegerType, id: 1 }],
});

describe('samePlan', () => {
  it('is true for one plan and for an equal copy, false when anything in it differs', () => {
    const a = plan();
    expect(samePlan(a, a)).toBe(true);
    expect(samePlan(a, plan())).toBe(true);
    const b = plan();
    (b.condition.right as { value: unknown }).value = 6n;
    expect(samePlan(a, b)).toBe(false);
    const c = plan();
    c.output = [{ name: 'a', type: new DecimalType(10, 2) as never, id: 1 }];
    expect(samePlan(a, c)).toBe(false);
    const d = plan();
    (d.child as { kind: string }).kind = 'range';
    expect(samePlan(a, d)).toBe(false);
  });

  it('ignores cached RDD holders and compares data buffers by length, as the fingerprint did', () => {
    const a = { kind: 'cached', holder: { rdd: 1 }, data: new Uint8Array([1, 2]) };
    const b = { kind: 'cached', holder: { rdd: 2 }, data: new Uint8Array([3, 4]) };
    expect(samePlan(a, b)).toBe(true);
    expect(samePlan(a, { ...b, data: new Uint8Array(3) })).toBe(false);
  });

  it('never says equal where the JSON fingerprints differ (random plans and edits)', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const leaf = (): unknown => [() => rnd(3), () => `s${rnd(3)}`, () => BigInt(rnd(3)), () => null, () => undefined, () => new Uint8Array(rnd(3)), () => rnd(2) === 0][rnd(7)]!();
    const gen = (depth: number): unknown => {
      if (depth === 0 || rnd(3) === 0) return leaf();
      if (rnd(2) === 0) return Array.from({ length: rnd(3) }, () => gen(depth - 1));
      const o: Record<string, unknown> = {};
      for (let i = rnd(4); i > 0; i--) o[['kind', 'child', 'holder', 'exprs', 'type'][rnd(5)]!] = gen(depth - 1);
      return o;
    };
    let equalPairs = 0;
    for (let i = 0; i < 3000; i++) {
      const a = gen(4);
      const b = rnd(2) === 0 ? structuredClone(a) : gen(4);
      if (samePlan(a, b)) {
        equalPairs++;
        expect(fingerprint(b)).toBe(fingerprint(a));
      }
    }
    expect(equalPairs).toBeGreaterThan(1000);
  });
});
