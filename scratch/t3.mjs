import { Session } from '../packages/sql/dist/index.js';
const spark = Session.builder().master('local[1]').getOrCreate();
const q = async (s) => { try { const df = spark.sql(s); const r = await df.collect(); console.log(s, '=>', JSON.stringify(df.columns), JSON.stringify(r, (k, v) => typeof v === 'bigint' ? v.toString() : v)); } catch (e) { console.log(s, 'ERR', e.message.split('\n')[0]); } };
for (const s of process.argv[2].split(';;')) if (s.trim()) await q(s.trim());
process.exit(0);
