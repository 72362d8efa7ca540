// Registering the generated tables in a Kindling session (for the oracle test and the benchmark's peer).
import path from 'node:path';
import { TABLE_NAMES, SEP, kindlingSchema } from './schema.mjs';

/**
 * Reads each of the eight tables from `dir` in `format` ('csv' | 'parquet') and registers it as a temp view of
 * its name. With `cache`, each table is cached and counted, so that it is in memory when this resolves.
 */
export async function registerKindlingTables(spark, dir, format, { cache = false } = {}) {
  for (const t of TABLE_NAMES) {
    const file = path.join(dir, `${t}.${format}`);
    let df = format === 'csv'
      ? spark.read.option('header', 'true').option('sep', SEP).option('quote', '').schema(kindlingSchema(t)).csv(file)
      : spark.read.parquet(file);
    if (cache) { df = df.cache(); await df.count(); }
    df.createOrReplaceTempView(t);
  }
}
