import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context } from '@kindling/core';
import { Session } from '@kindling/sql';

// ReuseExchange for broadcasts: two joins in one query whose build sides are the same subtree collect and
// broadcast it once (TPC-H Q11 joins the German suppliers under the aggregate and again under its threshold).
let spark: Session;
beforeAll(() => {
  spark = new Session(new Context({ master: 'local[2]' }), new Map([['spark.sql.shuffle.partitions', '2']]));
  spark.createDataFrame(Array.from({ length: 400 }, (_, i) => ({ k: i % 40, v: i })), 'k int, v int').repartition(2).createOrReplaceTempView('f');
  spark.createDataFrame(Array.from({ length: 40 }, (_, i) => ({ dk: i, tag: i % 4 === 0 ? 'a' : 'b' })), 'dk int, tag string').createOrReplaceTempView('d');
});
afterAll(async () => {
  await spark.stop();
});

/** The query's rows and the descriptions of the jobs it ran. */
async function run(sql: string): Promise<{ rows: Record<string, unknown>[]; jobs: string[] }> {
  const jobs: string[] = [];
  const off = spark.sparkContext.events.on('jobStart', ({ job }) => jobs.push(job.description));
  try {
    return { rows: (await spark.sql(sql).collect()).map((r) => ({ ...r })), jobs };
  } finally {
    off();
  }
}

const side = (tag: string) => `SELECT f.k, f.v FROM f JOIN d ON f.k = d.dk WHERE d.tag = '${tag}'`;

describe('reused broadcasts', () => {
  it('collects an equal build side once for both joins, with the answer of two', async () => {
    const same = await run(`${side('a')} UNION ALL ${side('a')}`);
    const once = await run(side('a'));
    expect(once.rows).toHaveLength(100);
    expect(same.rows).toHaveLength(200);
    expect([...same.rows].map((r) => r.v).sort()).toEqual([...once.rows, ...once.rows].map((r) => r.v).sort());
    // one join: the build side's collect and the query's own job; two equal joins: the same two
    expect(once.jobs).toHaveLength(2);
    expect(same.jobs).toHaveLength(2);
  });

  it('collects build sides that differ once each', async () => {
    const differ = await run(`${side('a')} UNION ALL ${side('b')}`);
    expect(differ.rows).toHaveLength(400);
    expect(differ.jobs).toHaveLength(3);
  });

  it('shares one broadcast between joins on different keys of the same build side', async () => {
    const q = `SELECT f.v, d.tag FROM f JOIN d ON f.k = d.dk UNION ALL SELECT f.v, d.tag FROM f JOIN d ON f.v = d.dk`;
    const { rows, jobs } = await run(q);
    // f.k in 0..39 matches every row; f.v in 0..39 the first 40
    expect(rows).toHaveLength(440);
    expect(rows.filter((r) => r.tag === 'a')).toHaveLength(100 + 10);
    expect(jobs).toHaveLength(2);
  });
});
