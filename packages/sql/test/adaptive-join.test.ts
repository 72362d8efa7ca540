import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context, type StageInfo } from '@kindling/core';
import { Session, col, functions as F, type DataFrame } from '@kindling/sql';
import { estimateBytes } from '../src/plan/estimate-bytes.js';
import { runUnder } from './stages-under.js';

// Adaptive broadcast: a shuffled join whose smaller-estimated side writes a shuffle under the threshold runs as a
// broadcast join, the other side unshuffled (exec/planner.ts adaptiveBuildSide).
let spark: Session;
beforeAll(() => {
  spark = new Session(new Context({ master: 'local[2]' }), new Map([['spark.sql.shuffle.partitions', '2']]));
});
afterAll(async () => {
  await spark.stop();
});

const facts = () => spark.createDataFrame(Array.from({ length: 3000 }, (_, i) => ({ fk: i % 300, amount: i, note: `fact ${i}` })));
const dims = () => spark.createDataFrame(Array.from({ length: 3000 }, (_, i) => ({ dk: i % 300, v: i % 300 === 7 ? 1000 : 1, label: `dim ${i}` })));
// the keys whose total is over 100: one of 300, which no estimate can tell
const heavy = () => dims().groupBy('dk').agg(F.sum('v').alias('total')).filter(col('total').gt(100));
const sorted = async (df: DataFrame) => (await df.collect()).map((r) => JSON.stringify(r, (_, v) => (typeof v === 'bigint' ? Number(v) : v))).sort();

const run = <T,>(conf: Record<string, string>, f: () => Promise<T>) => runUnder(spark, conf, f);
const mapStages = (stages: StageInfo[]) => stages.filter((s) => s.kind === 'shuffleMap' && s.status === 'succeeded');

describe('adaptive broadcast joins', () => {
  // over the threshold by every estimate: planned as a shuffled join
  const threshold = () => String(Math.floor(Math.min(estimateBytes(facts().resolved()), estimateBytes(heavy().resolved())) / 20));

  it('broadcasts a side whose shuffle turns out small, with the answer of the shuffled join', async () => {
    const q = () => facts().join(heavy(), col('fk').equalTo(col('dk')));
    const t = threshold();
    const plan = await run({ 'spark.sql.autoBroadcastJoinThreshold': t }, async () => q().explainString());
    expect(plan.value).toMatch(new RegExp(`ShuffledHashJoin \\[fk\\], \\[dk\\], inner, adaptive: BroadcastHashJoin BuildRight or BuildLeft if that side's shuffle is at most ${t} bytes`));
    const adaptive = await run({ 'spark.sql.autoBroadcastJoinThreshold': t }, () => sorted(q()));
    const shuffled = await run({ 'spark.sql.autoBroadcastJoinThreshold': t, 'spark.sql.adaptive.enabled': 'false' }, () => sorted(q()));
    expect(adaptive.value).toHaveLength(10);
    expect(adaptive.value).toEqual(shuffled.value);
    expect(adaptive.value[0]).toMatch(/"dk":7,"total":10000/);
    // shuffled: the aggregate's exchange and both join sides'; adaptive: the facts side is not shuffled
    expect(mapStages(shuffled.stages)).toHaveLength(3);
    expect(mapStages(adaptive.stages)).toHaveLength(2);
    const written = (stages: StageInfo[]) => stages.reduce((n, s) => n + s.metrics.shuffleBytesWritten, 0);
    expect(written(adaptive.stages)).toBeLessThan(written(shuffled.stages));
  });

  it('tries the other side when the one estimated smaller is not, streaming the first from its shuffle output', async () => {
    // long labels make dims look big, though its aggregate keeps one row; facts' key column looks smaller but is not
    const longDims = () => spark.createDataFrame(Array.from({ length: 3000 }, (_, i) => ({ dk: i % 300, v: i % 300 === 7 ? 1000 : 1, label: `dim ${i} `.padEnd(200, '.') })));
    const heavyLong = () => longDims().groupBy('dk').agg(F.sum('v').alias('total')).filter(col('total').gt(100));
    const keys = () => spark.createDataFrame(Array.from({ length: 10000 }, (_, i) => ({ fk: i % 300, amount: i, note: `fact ${i}` }))).select('fk', 'amount');
    const q = () => keys().join(heavyLong(), col('fk').equalTo(col('dk')));
    const conf = { 'spark.sql.autoBroadcastJoinThreshold': '20000' };
    expect(estimateBytes(keys().resolved())).toBeLessThan(estimateBytes(heavyLong().resolved()));
    // (ReorderJoin puts the larger-looking side first: keys is tried first, as the right side)
    expect((await run(conf, async () => q().explainString())).value).toMatch(/ShuffledHashJoin \[dk\], \[fk\], inner, adaptive: BroadcastHashJoin BuildRight or BuildLeft if/);
    const adaptive = await run(conf, () => sorted(q()));
    const shuffled = await run({ ...conf, 'spark.sql.adaptive.enabled': 'false' }, () => sorted(q()));
    expect(adaptive.value).toHaveLength(Math.ceil(10000 / 300));
    expect(adaptive.value).toEqual(shuffled.value);
    // the same three map stages either way (the aggregate's, both join sides'), none run twice
    expect(mapStages(adaptive.stages)).toHaveLength(3);
    expect(mapStages(shuffled.stages)).toHaveLength(3);
    // the join's own stage reads only the keys' shuffle (heavy's rows came by broadcast); shuffled, it reads both
    const joinStageRead = (stages: StageInfo[]) => stages.filter((s) => s.kind === 'result').at(-1)!.metrics.shuffleBytesRead;
    expect(joinStageRead(adaptive.stages)).toBeGreaterThan(0);
    expect(joinStageRead(adaptive.stages)).toBeLessThan(joinStageRead(shuffled.stages));
  });

  it('keeps a side that is big after all shuffled, running its map stage once', async () => {
    // every key of dims: as big as it was estimated
    const all = () => dims().groupBy('dk').agg(F.sum('v').alias('total')).filter(col('total').gt(0));
    const q = () => facts().join(all(), col('fk').equalTo(col('dk')), 'left');
    const t = String(Math.floor(estimateBytes(all().resolved()) / 20));
    const adaptive = await run({ 'spark.sql.autoBroadcastJoinThreshold': t }, () => sorted(q()));
    const shuffled = await run({ 'spark.sql.autoBroadcastJoinThreshold': t, 'spark.sql.adaptive.enabled': 'false' }, () => sorted(q()));
    expect(adaptive.value).toEqual(shuffled.value);
    expect(adaptive.value).toHaveLength(3000);
    expect(mapStages(adaptive.stages)).toHaveLength(3);
    expect(mapStages(shuffled.stages)).toHaveLength(3);
  });

  it('builds only a side the join type allows: a right join may build its left side, and filter it by the right side\'s keys', async () => {
    const q = () => heavy().join(facts(), col('fk').equalTo(col('dk')), 'right');
    const t = threshold();
    expect((await run({ 'spark.sql.autoBroadcastJoinThreshold': t }, async () => q().explainString())).value).toMatch(
      /adaptive: the left side filtered by the right side's keys, or BroadcastHashJoin BuildLeft if/,
    );
    const adaptive = await run({ 'spark.sql.autoBroadcastJoinThreshold': t }, () => sorted(q()));
    const shuffled = await run({ 'spark.sql.autoBroadcastJoinThreshold': t, 'spark.sql.adaptive.enabled': 'false' }, () => sorted(q()));
    expect(adaptive.value).toEqual(shuffled.value);
    expect(adaptive.value).toHaveLength(3000);
    // facts (tried first, for its keys) is big; heavy is then broadcast, facts read back from its shuffle
    expect(mapStages(adaptive.stages)).toHaveLength(3);
    // a full join keeps the unmatched rows of both sides: nothing to build or filter, no adaptive note
    expect((await run({ 'spark.sql.autoBroadcastJoinThreshold': t }, async () => heavy().join(facts(), col('fk').equalTo(col('dk')), 'full').explainString())).value).not.toMatch(/adaptive/);
  });

  // rows of heavy ⋈ facts on dk = fk and amount > total × share: dk 7's total is 10000, fk = 7 has amounts 7, 307, ..., 2707
  const expected = { left_semi: { 1500: 1, 5000: 0 }, left_anti: { 1500: 0, 5000: 1 }, left: { 1500: 5, 5000: 1 } } as const;
  for (const how of ['left_semi', 'left_anti', 'left'] as const) {
    it(`filters the other side by the keys of a small side it cannot build (${how} join whose left side is small)`, async () => {
      for (const above of [1500, 5000] as const) {
        // the residual (reading both sides) keeps some matches out: the filter uses the keys alone, the join the rest
        const q = () => heavy().join(facts(), col('dk').equalTo(col('fk')).and(col('amount').gt(col('total').multiply(above / 10000))), how);
        const t = threshold();
        expect((await run({ 'spark.sql.autoBroadcastJoinThreshold': t }, async () => q().explainString())).value).toMatch(
          /adaptive: the right side filtered by the left side's keys, or BroadcastHashJoin BuildRight if/,
        );
        const adaptive = await run({ 'spark.sql.autoBroadcastJoinThreshold': t }, () => sorted(q()));
        const shuffled = await run({ 'spark.sql.autoBroadcastJoinThreshold': t, 'spark.sql.adaptive.enabled': 'false' }, () => sorted(q()));
        expect(adaptive.value).toEqual(shuffled.value);
        expect(adaptive.value).toHaveLength(expected[how][above]);
        // facts crosses a shuffle only as its rows with key 7 (10 of 3000)
        const written = (stages: StageInfo[]) => stages.reduce((n, s) => n + s.metrics.shuffleBytesWritten, 0);
        expect(written(adaptive.stages)).toBeLessThan(written(shuffled.stages) / 2);
      }
    });
  }

  it('rejects a spark.sql.adaptive.enabled that is not a boolean', async () => {
    await expect(run({ 'spark.sql.adaptive.enabled': 'yes' }, () => facts().join(heavy(), col('fk').equalTo(col('dk'))).collect())).rejects.toThrow(/spark.sql.adaptive.enabled: expected true or false, got 'yes'/);
  });
});
