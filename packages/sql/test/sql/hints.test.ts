import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context } from '@kindling/core';
import { Session, functions as F } from '@kindling/sql';

// SELECT /*+ ... */ hints: BROADCAST marks relations of its FROM for a broadcast join, as broadcast() does.

describe('SQL hints', () => {
  let spark: Session;
  beforeAll(() => {
    spark = new Session(new Context({ master: 'local[2]' }));
    spark.conf.set('spark.sql.shuffle.partitions', '2');
    // No automatic broadcast: only a hint can choose it.
    spark.conf.set('spark.sql.autoBroadcastJoinThreshold', '-1');
    spark.range(1000).createOrReplaceTempView('big');
    spark.range(10).createOrReplaceTempView('small');
  });
  afterAll(async () => {
    await spark.stop();
  });

  const physical = (sql: string) => spark.sql(sql).explainString();

  it('BROADCAST(alias), MAPJOIN(table) and BROADCASTJOIN choose a broadcast hash join; the answer is the same', async () => {
    const plain = 'SELECT count(*) AS n FROM big b JOIN small s ON b.id = s.id';
    expect(physical(plain)).not.toMatch(/BroadcastHashJoin/);
    for (const hinted of [
      'SELECT /*+ BROADCAST(s) */ count(*) AS n FROM big b JOIN small s ON b.id = s.id',
      'SELECT /*+ MAPJOIN(small) */ count(*) AS n FROM big JOIN small ON big.id = small.id',
      'SELECT /*+ broadcastjoin(`s`) */ count(*) AS n FROM big b JOIN (SELECT * FROM small) s ON b.id = s.id',
    ]) {
      expect(physical(hinted), hinted).toMatch(/BroadcastHashJoin/);
      expect(await spark.sql(hinted).collect()).toEqual([{ n: 10n }]);
    }
    // The same plan as the DataFrame API's broadcast().
    const df = spark.table('big').alias('b').join(F.broadcast(spark.table('small').alias('s')), F.col('b.id').equalTo(F.col('s.id'))).agg(F.count('*').alias('n'));
    expect(df.explainString()).toMatch(/BroadcastHashJoin/);
  });

  it('other join strategy hints and unknown hints change nothing (as Spark); partitioning hints say they are not supported', () => {
    expect(physical('SELECT /*+ MERGE(b), SHUFFLE_HASH(s) FOO */ count(*) FROM big b JOIN small s ON b.id = s.id')).not.toMatch(/BroadcastHashJoin/);
    expect(() => spark.sql('SELECT /*+ REPARTITION(3) */ * FROM big')).toThrow(/UNSUPPORTED_FEATURE.HINT.*df\.repartition/);
    expect(() => spark.sql('SELECT /*+ BROADCAST( */ * FROM big')).toThrow(/PARSE_SYNTAX_ERROR.*hint/);
  });

  it('a hint names only relations of its own SELECT', () => {
    const sql = 'SELECT /*+ BROADCAST(x) */ count(*) FROM big b JOIN small s ON b.id = s.id';
    expect(physical(sql)).not.toMatch(/BroadcastHashJoin/);
  });
});
