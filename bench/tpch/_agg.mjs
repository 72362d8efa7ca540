import { Session } from '@kindling/sql';
import { registerKindlingTables } from './kindling-tables.mjs';
const spark = Session.builder().master('local[2]').getOrCreate();
await registerKindlingTables(spark, 'bench/data/tpch-sf1', 'parquet', { cache: true, tables: ['lineitem'] });
for (const q of ['select l_orderkey, count(*) from lineitem group by l_orderkey', 'select l_orderkey, sum(l_quantity) from lineitem group by l_orderkey', 'select l_orderkey, sum(l_linenumber) from lineitem group by l_orderkey']) {
  const stages = [];
  const off = spark.sparkContext.events.on('stageCompleted', ({ stage }) => stages.push(stage));
  const t0 = Date.now();
  const n = await spark.sql(q).count();
  off();
  console.log(q, n, Date.now() - t0, 'ms', stages.map((s) => `${s.numTasks}t ${(s.tasks.reduce((a, t) => a + t.durationMs, 0) / 1000).toFixed(2)}s w${(s.metrics.shuffleBytesWritten / 2 ** 20).toFixed(1)}`).join(' | '));
}
await spark.stop();
