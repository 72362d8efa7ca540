import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context } from '@kindling/core';
import { Session } from '@kindling/sql';
import { showValue } from '../../src/display/show.js';
import { decode } from '../../src/exec/columnar-batch.js';
import { vecToValues } from '../../src/eval/arrow-convert.js';

/**
 * SQL golden files (test/sql/golden/*.sql), one runner. A file is a list of blocks separated by blank lines:
 *
 *   # a comment
 *   statement                      runs; must succeed
 *   CREATE TEMP VIEW t AS VALUES (1, 'a') AS t(id, name)
 *
 *   query [unordered]              the header row (column names), then one line per row, cells separated by " | "
 *   SELECT id, name FROM t         and written as Spark's show() writes them (NULL, 2020-01-01, 1.0)
 *   ----
 *   id | name
 *   1 | a
 *
 *   error CODE                     fails with this error class (the message may say more)
 *   SELECT nope FROM t
 *
 * Statements and queries may span several lines (up to `----` or the blank line). Each file starts with no views.
 * `${DATA}` stands for test/sql/data (input files).
 */

interface Block {
  kind: 'statement' | 'query' | 'error';
  sql: string;
  unordered: boolean;
  code: string;
  expected: string[];
  line: number;
}

const GOLDEN = join(import.meta.dirname, 'golden');
/** `${DATA}` in a golden file is this folder of input files. */
const DATA = join(import.meta.dirname, 'data');

function parseBlocks(text: string): Block[] {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const head = lines[i]!.trim();
    if (head === '' || head.startsWith('#')) {
      i++;
      continue;
    }
    const [kind, ...rest] = head.split(/\s+/);
    if (kind !== 'statement' && kind !== 'query' && kind !== 'error') throw new Error(`line ${i + 1}: expected statement, query or error, got '${head}'`);
    const line = i + 1;
    i++;
    const sql: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== '' && lines[i]!.trim() !== '----') sql.push(lines[i++]!);
    const expected: string[] = [];
    if (kind === 'query') {
      if (lines[i]?.trim() !== '----') throw new Error(`line ${line}: a query needs '----' and its expected rows`);
      i++;
      while (i < lines.length && lines[i]!.trim() !== '') expected.push(lines[i++]!.trimEnd());
    }
    blocks.push({ kind, sql: sql.join('\n').replaceAll('${DATA}', DATA), unordered: rest.includes('unordered'), code: rest[0] ?? '', expected, line });
  }
  return blocks;
}

/** The header and rows of a query, cells as show() prints them; read by position, so repeated names are fine. */
async function rowsOf(spark: Session, sql: string): Promise<string[]> {
  const df = spark.sql(sql);
  const types = df.dtypes.map(([, t]) => t);
  const out = [df.columns.join(' | ')];
  for (const bytes of await (await df.batchRdd()).collect()) {
    for (const b of decode(bytes)) {
      // Decimals as exact text (1.0 stays 1.0), as show() prints them in Spark.
      const cols = b.columns.map((c) => vecToValues(c, { decimal: 'string' }));
      for (let r = 0; r < b.length; r++) out.push(cols.map((c, i) => showValue(c[r] ?? null, types[i])).join(' | '));
    }
  }
  return out;
}

const files = readdirSync(GOLDEN).filter((f) => f.endsWith('.sql')).sort();

describe('SQL golden files', () => {
  let spark: Session;
  beforeAll(() => {
    spark = new Session(new Context({ master: 'local' }));
    spark.conf.set('spark.sql.shuffle.partitions', '2');
  });
  afterAll(async () => {
    await spark.stop();
  });

  for (const file of files) {
    it(file, async () => {
      for (const v of spark.catalog.listTables()) spark.catalog.dropTempView(v);
      const blocks = parseBlocks(readFileSync(join(GOLDEN, file), 'utf8'));
      for (const b of blocks) {
        const where = `${file}:${b.line}`;
        if (b.kind === 'statement') {
          try {
            await spark.sql(b.sql).collect();
          } catch (e) {
            throw new Error(`${where}: statement failed: ${(e as Error).message}`);
          }
        } else if (b.kind === 'error') {
          let err: unknown;
          try {
            await spark.sql(b.sql).collect();
          } catch (e) {
            err = e;
          }
          expect(err, `${where}: expected an error ${b.code}`).toBeInstanceOf(Error);
          expect((err as Error).message, where).toContain(`[${b.code}]`);
        } else {
          let got: string[];
          try {
            got = await rowsOf(spark, b.sql);
          } catch (e) {
            throw new Error(`${where}: query failed: ${(e as Error).message}`);
          }
          const [gh, ...gr] = got;
          const [eh, ...er] = b.expected;
          expect(gh, `${where}: column names`).toBe(eh);
          if (b.unordered) expect([...gr].sort(), `${where}: rows (any order)`).toEqual([...er].sort());
          else expect(gr, `${where}: rows`).toEqual(er);
        }
      }
    });
  }
});
