import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context, type StageInfo } from '@kindling/core';
import { Session } from '@kindling/sql';

// An aggregate that appears twice in one plan (a view used twice) is planned once: one map stage, and explain
// prints the second as a ReusedExchange (Spark's ReuseExchange).
let spark: Session;
beforeAll(() => {
  spark = new Session(new Context({ master: 'local[2]' }), new Map([['spark.sql.shuffle.partitions', '2']]));
  spark.sql('CREATE OR REPLACE TEMP VIEW sales AS SELECT id % 5 AS shop, id AS amount FROM range(0, 1000, 1, 4)');
  spark.sql('CREATE OR REPLACE TEMP VIEW revenue AS SELECT shop, sum(amount) AS total FROM sales GROUP BY shop');
});
afterAll(async () => {
  await spark.stop();
});

describe('ReuseExchange', () => {
  it('runs the map stage of an aggregate used twice once, with the answer of the query', async () => {
    const q = () => spark.sql('SELECT shop, total FROM revenue WHERE total = (SELECT max(total) FROM revenue)');
    const plan = q().explainString();
    expect(plan.match(/ReusedExchange \[shop, #agg0\], Exchange hashpartitioning\(shop, 2\)/g)).toHaveLength(1);
    expect(plan.match(/Exchange hashpartitioning\(shop, 2\)/g)).toHaveLength(2); // the exchange and its reuse
    const stages: StageInfo[] = [];
    const off = spark.sparkContext.events.on('stageCompleted', ({ stage }) => stages.push(stage));
    const rows = await q().collect();
    off();
    // shop 4 holds 4, 9, ..., 999: 200 values summing to 100,300
    expect(rows.map((r) => [Number(r.shop), Number(r.total)])).toEqual([[4, 100300]]);
    const overSales = stages.filter((s) => s.kind === 'shuffleMap' && s.status === 'succeeded' && s.numTasks === 4);
    expect(overSales).toHaveLength(1);
  });

  it('keeps aggregates that differ apart', async () => {
    const plan = spark.sql('SELECT a.shop FROM revenue a JOIN (SELECT shop, max(amount) AS m FROM sales GROUP BY shop) b ON a.shop = b.shop').explainString();
    expect(plan).not.toContain('ReusedExchange');
  });
});
