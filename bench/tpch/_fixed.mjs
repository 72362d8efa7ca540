import { Session } from '@kindling/sql';
import { registerKindlingTables } from './kindling-tables.mjs';
const spark = Session.builder().master('local[2]').getOrCreate();
await registerKindlingTables(spark, 'bench/data/tpch-sf1', 'parquet', { cache: true, tables: ['nation', 'region'] });
const qs = { count: 'SELECT count(*) FROM nation', agg: 'SELECT n_regionkey, count(*) FROM nation GROUP BY n_regionkey', join: 'SELECT n_name, r_name FROM nation JOIN region ON n_regionkey = r_regionkey', sort: 'SELECT n_name FROM nation ORDER BY n_name' };
for (const [k, q] of Object.entries(qs)) {
  for (let i = 0; i < 6; i++) {
    let jobs = 0;
    const off = spark.sparkContext.events.on('jobEnd', () => jobs++);
    const t0 = performance.now();
    await spark.sql(q).collect();
    off();
    if (i >= 3) console.log(k, (performance.now() - t0).toFixed(1), 'ms', jobs, 'jobs');
  }
}
await spark.stop();
