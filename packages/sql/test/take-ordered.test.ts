import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context, type StageInfo } from '@kindling/core';
import { Session } from '@kindling/sql';

// ORDER BY ... LIMIT n runs as Spark's TakeOrderedAndProject: every task keeps its first n rows in order, one
// task keeps the first n of those; no sampling job and no range shuffle.
let spark: Session;
beforeAll(() => {
  spark = new Session(new Context({ master: 'local[2]' }), new Map([['spark.sql.shuffle.partitions', '2']]));
  // v has NULLs, ties, and its values spread over all four partitions of range()
  spark.sql(`CREATE OR REPLACE TEMP VIEW t AS
    SELECT id, CASE WHEN id % 7 = 0 THEN NULL ELSE (id * 37) % 50 END AS v, concat('r', id) AS s FROM range(0, 400, 1, 4)`);
});
afterAll(async () => {
  await spark.stop();
});

/** The rows of `ORDER BY <order>` in full, then the first n: the answer a LIMIT must give. */
async function sortedPrefix(order: string, select: string, n: number) {
  const all = await spark.sql(`SELECT ${select} FROM t ORDER BY ${order}`).collect();
  return all.slice(0, n);
}

describe('TakeOrderedAndProject', () => {
  it('plans ORDER BY ... LIMIT as one, with one single-partition exchange and no range partitioning', () => {
    const plan = spark.sql('SELECT id, v FROM t ORDER BY v DESC, id LIMIT 5').explainString();
    expect(plan).toContain('TakeOrderedAndProject(limit=5, orderBy=[v DESC NULLS LAST, id ASC NULLS FIRST], output=[id, v])');
    expect(plan).toContain('Exchange SinglePartition');
    expect(plan).not.toContain('rangepartitioning');
  });

  it.each([
    ['v DESC, id', 'id, v', 5],
    ['v ASC NULLS LAST, id DESC', 'id, v', 17],
    ['v, id', 'id, v', 3], // NULLs first when ascending
    ['v DESC NULLS FIRST, s', 's, v * 2 AS w', 60], // a projection computed after the limit
    ['id', 'id', 1000], // more than there are rows
  ])('gives the first rows of the full sort: ORDER BY %s', async (order, select, n) => {
    const rows = await spark.sql(`SELECT ${select} FROM t ORDER BY ${order} LIMIT ${n}`).collect();
    expect(rows).toEqual(await sortedPrefix(order, select, n));
  });

  it('runs without a sampling job: one map stage over the input and one task after it', async () => {
    const stages: StageInfo[] = [];
    const off = spark.sparkContext.events.on('stageCompleted', ({ stage }) => stages.push(stage));
    const rows = await spark.sql('SELECT id FROM t ORDER BY v DESC, id LIMIT 2').collect();
    off();
    // v = 49 where id * 37 = 49 (mod 50), i.e. id = 27 (mod 50), and id % 7 != 0: 27, 127 (77 is a multiple of 7)
    expect(rows.map((r) => Number(r.id))).toEqual([27, 127]);
    expect(stages.map((s) => s.numTasks).sort()).toEqual([1, 4]);
  });

  it('LIMIT 0 gives no rows', async () => {
    expect(await spark.sql('SELECT id FROM t ORDER BY v LIMIT 0').collect()).toEqual([]);
  });
});
