// The 22 TPC-H queries (queries/qNN.sql): Spark SQL text with the specification's validation parameters
// (§2.4.x "Query validation"), readable by DuckDB as well. The first line of each file is a comment naming the
// query and its parameters.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'queries');

export const QUERY_IDS = Array.from({ length: 22 }, (_, i) => `q${String(i + 1).padStart(2, '0')}`);

/** Q11's FRACTION is 0.0001 / SF (§2.4.11.3); the file holds SF 1's value. */
const fraction = (sf) => (0.0001 / sf).toFixed(12).replace(/0+$/, '');

/**
 * The query's SQL for scale factor `sf` (only Q11 depends on it) and its title (the file's first comment).
 * @returns {{ id: string, title: string, sql: string }}
 */
export function tpchQuery(id, { sf = 1 } = {}) {
  const text = fs.readFileSync(path.join(DIR, `${id}.sql`), 'utf8');
  const lines = text.split('\n');
  const title = lines[0].replace(/^--\s*/, '');
  let sql = lines.filter((l) => !l.startsWith('--')).join('\n').trim();
  if (id === 'q11') {
    const at = 'sum(ps_supplycost * ps_availqty) * 0.0001';
    if (!sql.includes(at)) throw new Error('q11.sql no longer holds the FRACTION 0.0001 that tpchQuery substitutes');
    sql = sql.replace(at, `sum(ps_supplycost * ps_availqty) * ${fraction(sf)}`);
  }
  return { id, title, sql };
}
