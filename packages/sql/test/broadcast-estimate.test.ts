import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context } from '@kindling/core';
import { Session, col, type DataFrame } from '@kindling/sql';
import { estimateBytes } from '../src/plan/estimate-bytes.js';
import { MAX_UNFILTERED_FACTOR, MIN_KEPT_SHARE, broadcastEstimate, rankingEstimate } from '../src/plan/broadcast-estimate.js';

// The planner's broadcast decision with filters: a filtered side over the threshold is broadcast when its guessed
// filtered size is under it, within the bounds of plan/broadcast-estimate.ts; the threshold is set relative to
// the in-memory size of the sides, so each case sits on a chosen side of a bound.
let spark: Session;
beforeAll(() => {
  spark = new Session(new Context({ master: 'local[2]' }), new Map([['spark.sql.shuffle.partitions', '2']]));
});
afterAll(async () => {
  await spark.stop();
});

const facts = () => spark.createDataFrame(Array.from({ length: 400 }, (_, i) => ({ fk: i % 50, amount: i })));
const dims = () => spark.createDataFrame(Array.from({ length: 50 }, (_, i) => ({ dk: i, seg: `s${i % 5}`, born: 1990 + (i % 20) })));
const bytesOf = (df: DataFrame) => estimateBytes(df.resolved());
const sorted = async (df: DataFrame) => (await df.collect()).map((r) => JSON.stringify(r)).sort();

/** Runs `f` with spark.sql.autoBroadcastJoinThreshold at `bytes`. */
async function withThreshold<T>(bytes: number, f: () => Promise<T> | T): Promise<T> {
  spark.conf.set('spark.sql.autoBroadcastJoinThreshold', String(Math.floor(bytes)));
  try {
    return await f();
  } finally {
    spark.conf.delete('spark.sql.autoBroadcastJoinThreshold');
  }
}

const joined = (d: DataFrame) => facts().join(d, col('fk').equalTo(col('dk')));

describe('filter-aware broadcast estimate', () => {
  it('broadcasts a filtered side that is over the threshold unfiltered, with the same answer as shuffled', async () => {
    const whole = bytesOf(dims());
    const filtered = () => dims().filter(col('seg').equalTo('s1'));
    // over the threshold unfiltered (so it was never broadcast), a guessed 1/8 of it under
    await withThreshold(whole / 2, () => {
      expect(joined(dims()).explainString()).toMatch(/ShuffledHashJoin/);
      expect(joined(filtered()).explainString()).toMatch(/BroadcastHashJoin \[fk\], \[dk\], inner, BuildRight\n[\s\S]*BroadcastExchange\n[\s\S]*Filter \(seg = 's1'\)/);
    });
    const broadcast = await withThreshold(whole / 2, () => sorted(joined(filtered())));
    const shuffled = await withThreshold(-1, () => sorted(joined(filtered())));
    expect(broadcast).toHaveLength(80);
    expect(broadcast).toEqual(shuffled);
  });

  it('does not broadcast a side whose filters keep too much of it (a guessed 0.9 of a side 1.5 times the threshold)', async () => {
    const whole = bytesOf(dims());
    await withThreshold(whole / 1.5, () => {
      expect(joined(dims().filter(col('seg').notEqual('s1'))).explainString()).toMatch(/ShuffledHashJoin/);
      // the same side under a range and an equality (0.05 guessed): broadcast
      expect(joined(dims().filter(col('seg').notEqual('s1').and(col('born').gt(2000)).and(col('seg').equalTo('s2')))).explainString()).toMatch(/BroadcastHashJoin/);
    });
  });

  it('never shrinks a side over MAX_UNFILTERED_FACTOR times the threshold, however selective its filters look', async () => {
    const whole = bytesOf(dims());
    const strong = () => dims().filter(col('seg').equalTo('s1').and(col('born').equalTo(1991)).and(col('dk').equalTo(1)));
    // just over the bound: shuffled, even though a guessed 1/8 of it is far under the threshold
    await withThreshold(whole / MAX_UNFILTERED_FACTOR - 1, () => {
      expect(joined(strong()).explainString()).toMatch(/ShuffledHashJoin/);
      expect(broadcastEstimate(strong().resolved(), whole / MAX_UNFILTERED_FACTOR - 1)).toBe(whole);
    });
    // at the bound, shrunk, but by at most MIN_KEPT_SHARE (the guess, 0.001, counts as 1/8): broadcast
    expect(broadcastEstimate(strong().resolved(), whole / MAX_UNFILTERED_FACTOR)).toBe(whole * MIN_KEPT_SHARE);
    await withThreshold(whole / MAX_UNFILTERED_FACTOR, () => {
      expect(joined(strong()).explainString()).toMatch(/BroadcastHashJoin/);
    });
    // the floor: under the bound, a threshold just under 1/8 of the side keeps it shuffled, whatever the guess
    await withThreshold(whole * MIN_KEPT_SHARE - 1, () => {
      expect(joined(strong()).explainString()).toMatch(/ShuffledHashJoin/);
    });
    // with broadcasting off, nothing is broadcast whatever it filters
    await withThreshold(-1, () => expect(joined(strong()).explainString()).toMatch(/ShuffledHashJoin/));
  });

  it('shrinks a dimension chain by the filters of all its leaves (orders before a date ⋈ one segment of customers)', async () => {
    // ReorderJoin joins the filtered dims and the filtered small table first; the chain is sized by dims, shrunk
    // by both filters (0.5 × 0.1), floored at 1/8.
    const segs = () => spark.createDataFrame(Array.from({ length: 5 }, (_, i) => ({ sk: `s${i}`, sname: i === 1 ? 'BUILDING' : `n${i}` })));
    const q = () =>
      facts()
        .crossJoin(dims())
        .crossJoin(segs())
        .filter(col('fk').equalTo(col('dk')).and(col('seg').equalTo(col('sk'))).and(col('born').lt(2000)).and(col('sname').equalTo('BUILDING')));
    const whole = bytesOf(dims());
    const text = await withThreshold(whole / 4, () => q().explainString());
    // dims alone, a guessed half of it, would be over the threshold: broadcast only with the segment's share
    expect(text).toMatch(/^BroadcastHashJoin \[fk\], \[dk\], inner, BuildRight\n.*LocalTableScan \[fk, amount\]\n\+- BroadcastExchange\n {3}\+- BroadcastHashJoin \[seg\], \[sk\]/m);
    expect(broadcastEstimate(dims().filter(col('born').lt(2000)).resolved(), whole / 4)).toBeGreaterThan(whole / 4);
    const broadcast = await withThreshold(whole / 4, () => sorted(q()));
    expect(broadcast).toHaveLength(48);
    expect(broadcast).toEqual(await withThreshold(-1, () => sorted(q())));
  });
});

describe('size estimates of projections and cached tables', () => {
  const wide = () => spark.createDataFrame(Array.from({ length: 200 }, (_, i) => ({ dk: i, a: `text ${i}`, b: `more ${i}`, c: `and more ${i}` })));

  it('sizes a projection by the share of the row width it keeps (Spark: 8 + default sizes per column)', () => {
    const whole = bytesOf(wide());
    // dk int (4) of a row of 8 + 4 + 3 × 20 = 72
    expect(bytesOf(wide().select('dk'))).toBeCloseTo((whole * 12) / 72, 6);
    // over the threshold with every column, under it with the key alone: broadcast
    return withThreshold(whole / 2, () => {
      // (left outer: only the right side may be built)
      expect(facts().join(wide(), col('fk').equalTo(col('dk')), 'left').explainString()).toMatch(/ShuffledHashJoin/);
      expect(facts().join(wide().select('dk'), col('fk').equalTo(col('dk')), 'left').explainString()).toMatch(/BroadcastHashJoin \[fk\], \[dk\], left, BuildRight/);
    });
  });

  it('sizes a cached table by its stored blocks once they are stored, not before', async () => {
    const cached = wide().repartition(3).cache();
    const before = bytesOf(cached);
    expect(before).toBe(bytesOf(wide().repartition(3)));
    expect(await cached.count()).toBe(200);
    const stored = bytesOf(cached);
    expect(stored).not.toBe(before);
    expect(stored).toBeGreaterThan(200 * 8);
    // the width ratio applies on top of it
    expect(bytesOf(cached.select('dk'))).toBeCloseTo((stored * 12) / 72, 6);
    cached.unpersist();
    expect(bytesOf(cached)).toBe(before);
  });
});

describe('ranking estimate (which side an adaptive join tries first)', () => {
  it('takes an inner equi-join as a key/foreign-key join: the other side\'s filter share, at the join\'s row width', () => {
    const j = () => facts().join(dims().filter(col('seg').equalTo('s1')), col('fk').equalTo(col('dk')));
    const plan = j().resolved();
    // estimateBytes cannot size a join that is not a dimension chain; the ranking guesses one
    expect(bytesOf(j())).toBe(Infinity);
    const r = rankingEstimate(plan);
    expect(Number.isFinite(r)).toBe(true);
    // facts (8 + 4 + 4 bytes a row) kept by the equality on dims (0.1), or dims (8 + 4 + 20 + 4) filtered so; at the join's 8 + 4 + 4 + 4 + 20 + 4
    expect(r).toBeCloseTo(Math.min(bytesOf(facts()) * 0.1 * (44 / 16), bytesOf(dims()) * 0.1 * (44 / 36)), 6);
    // filters count by their guessed share; a plain table is its estimate
    expect(rankingEstimate(dims().filter(col('seg').equalTo('s1')).resolved())).toBeCloseTo(bytesOf(dims()) * 0.1, 6);
    expect(rankingEstimate(facts().resolved())).toBe(bytesOf(facts()));
  });
});
