import { Session } from '@kindling/sql';
import { registerKindlingTables } from './kindling-tables.mjs';
import { tpchQuery } from './queries.mjs';
const spark = Session.builder().master('local[2]').getOrCreate();
await registerKindlingTables(spark, process.argv[2] ?? 'bench/data/tpch-sf1', 'parquet', { cache: true });
for (let i = 1; i <= 22; i++) {
  const id = `q${String(i).padStart(2, '0')}`;
  console.log(`=== ${id}\n${spark.sql(tpchQuery(id, { sf: 1 }).sql).explainString()}`);
}
await spark.stop();
