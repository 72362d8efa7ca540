import { describe, expect, it } from 'vitest';
import { vectorSumDecimal } from '../src/agg/decimal-sum.js';
import { exactDecimalVec } from '../src/eval/exact-decimal.js';
import { parseType } from '../src/types/parse-type.js';

// sum(decimal) over a few groups adds four rows at a time into lanes (agg/decimal-sum.ts, foldInLanes); the totals
// must be the exact bigint sums, also when a lane or a group passes 2^53 and the sum moves to its bigint part.
const T = parseType('decimal(18,2)');

function sums(values: number[][], groups: number): bigint[] {
  const agg = vectorSumDecimal([{ kind: 'input', ordinal: 0, type: 'decimal(18,2)', nullable: false }])!.create();
  for (const batch of values) {
    const gids = Int32Array.from(batch, (_, i) => (i * 7 + (i >> 3)) % groups);
    agg.reserve(groups);
    agg.update(gids, batch.length, [exactDecimalVec(T, Float64Array.from(batch), null, batch.length)]);
  }
  const out = agg.finish(Array.from({ length: groups }, (_, g) => g));
  return Array.from({ length: groups }, (_, g) => out.values[g] as bigint);
}

function reference(values: number[][], groups: number): bigint[] {
  const s = Array.from({ length: groups }, () => 0n);
  for (const batch of values) batch.forEach((x, i) => (s[(i * 7 + (i >> 3)) % groups]! += BigInt(x)));
  return s;
}

describe('decimal sums in lanes', () => {
  it.each([1, 3, 4, 16, 17])('%i groups, batches of odd lengths', (groups) => {
    const values = [Array.from({ length: 1001 }, (_, i) => i * 13 - 4000), Array.from({ length: 7 }, (_, i) => -i), [5]];
    expect(sums(values, groups)).toEqual(reference(values, groups));
  });

  it('sums past 2^53, within a batch (a lane leaves the exact range) and across batches', () => {
    const big = 2 ** 52; // exact doubles; a few of them per lane pass 2^53
    const values = [Array.from({ length: 64 }, (_, i) => (i % 5 === 0 ? -big : big)), Array.from({ length: 9 }, () => big)];
    for (const groups of [1, 2, 4]) expect(sums(values, groups)).toEqual(reference(values, groups));
  });
});
