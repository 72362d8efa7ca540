import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TerminalSession } from './terminal.js';

const BIN = fileURLToPath(new URL('../bin/kindling.js', import.meta.url));
const PROMPT = 'kindling> ';

/** The shell in a real pseudo-terminal; every step types keys and waits for what should appear next. */
describe('kindling shell in a terminal', () => {
  let dir: string;
  let t: TerminalSession;
  const history = () => join(dir, 'history');

  const start = async (...extra: string[]) => {
    const s = new TerminalSession(process.execPath, [BIN, 'shell', '--master', 'local[2]', ...extra], { cwd: dir, env: { KINDLING_HISTORY: history() } });
    await s.waitFor(PROMPT);
    return s;
  };
  /** Types a cell and returns the screen text it produced, once `expected` and then the next prompt appeared. */
  const cell = async (keys: string, expected?: string | RegExp, next = /\nkindling>\s*$/) => {
    const m = t.mark();
    t.type(keys);
    if (expected) await t.waitFor(expected, { after: m });
    await t.waitFor(next, { after: m });
    return t.screen().slice(m);
  };
  const CONTINUE = /\n\.\.\.\s*$/;
  /** Ctrl-U clears the line being edited; waits until the screen shows the bare prompt again. */
  const clearLine = async () => {
    t.type("\x15");
    await t.waitFor(/\nkindling>\s*$/);
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kindling-shell-'));
    t = await start();
  });
  afterAll(() => {
    t?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('evaluates TypeScript and shows values: numbers plainly, action results as lists', async () => {
    expect(await cell('1 + 2\r', /\n3\n/)).toMatch(/^1 \+ 2\n3\n/);
    await cell('const k: number = 10\r');
    expect(await cell('await sc.parallelize([1, 2, 3], 3).map((x: number) => x * k).collect()\r', '30 ]')).toContain('[ 10, 20, 30 ]');
    // a promise left un-awaited is awaited, as a notebook would
    expect(await cell('sc.parallelize([5, 6]).count()\r', /\n2\n/)).toContain('\n2\n');
  });

  it('shows a DataFrame as its schema and first rows, as a table', async () => {
    await cell(`const people = spark.createDataFrame([{ name: 'ann', age: 31 }, { name: 'bob', age: 25 }, { name: 'cy', age: 40 }])\r`);
    await cell(`people.createOrReplaceTempView('people')\r`);
    const out = await cell(`people.filter(col('age').gt(26)).orderBy('name')\r`, '|  cy| 40|');
    expect(out).toContain('DataFrame[name: string, age: int]');
    expect(out).toContain(['+----+---+', '|name|age|', '+----+---+', '| ann| 31|', '|  cy| 40|', '+----+---+'].join('\n'));
  });

  it('takes multi-line cells', async () => {
    await cell('function older(df: typeof people, years: number) {\r', undefined, CONTINUE);
    await cell('  return df.withColumn("age", col("age").plus(years))\r', undefined, CONTINUE);
    await cell('}\r');
    expect(await cell('(await older(people, 1).collect()).map((r) => r.age)\r', '41 ]')).toContain('[ 32, 26, 41 ]');
  });

  it('completes methods, view names and column names with Tab', async () => {
    let m = t.mark();
    t.type('people.printSch\t');
    await t.waitFor('people.printSchema', { after: m });
    await clearLine();
    m = t.mark();
    t.type('people.gr\t'); // several candidates: the common prefix, then (second Tab) the list
    await t.waitFor(/people\.group\s*$/, { after: m });
    t.type('\t');
    await t.waitFor(/groupBy\s[\s\S]*people\.group\s*$/, { after: m });
    await clearLine();
    m = t.mark();
    t.type("people.select('na\t");
    await t.waitFor("people.select('name", { after: m });
    await clearLine();
    m = t.mark();
    t.type("spark.table('peo\t");
    await t.waitFor("spark.table('people", { after: m });
    await clearLine();
    m = t.mark();
    t.type(':sch\t');
    await t.waitFor(':schema', { after: m });
    t.type(' peo\t');
    await t.waitFor(':schema people', { after: m });
    const out = await cell('\r', ' |-- age: int');
    expect(out).toContain('root\n |-- name: string (nullable = true)\n |-- age: int (nullable = true)');
  });

  it('prints errors as messages, not stacks, and :trace shows the stack', async () => {
    const out = await cell(`people.select('nmae')\r`, 'did you mean');
    expect(out).toContain("[UNRESOLVED_COLUMN] cannot resolve 'nmae' among (name, age); did you mean 'name'?");
    expect(out).not.toMatch(/^\s+at /m);
    expect(await cell(':trace\r', /\n\s+at /)).toMatch(/AnalysisError: \[UNRESOLVED_COLUMN\][\s\S]*\n\s+at /);
    expect(await cell('const x = (1 +;\r', 'CELL_SYNTAX_ERROR')).toContain('^');
  });

  it(':tables, :explain and :dag describe views, plans and the last jobs', async () => {
    expect(await cell(':tables\r', 'people')).toMatch(/\|people\s*\|name: string, age: int\s*\|/);
    expect(await cell(':explain people\r', 'LocalTableScan')).toContain('LocalTableScan');
    await cell(`await spark.range(0, 100, 1, 4).groupBy(F.col('id').mod(3).alias('m')).count().collect()\r`, 'count');
    const dag = await cell(':dag\r', 'Stage');
    expect(dag).toMatch(/Job \d+ .* succeeded, 2 stages/);
    expect(dag).toMatch(/Stage \d+ \[result\][^\n]*succeeded, \d+\/\d+ tasks/);
    expect(dag).toMatch(/└── Stage \d+ \[shuffle map\][^\n]*succeeded, 4\/4 tasks, \d+ ms/);
  });

  it('%sql cells run SQL and show tables; :sql mode reads statements across lines', async () => {
    const out = await cell('%sql SELECT name, age FROM people WHERE age > 26 ORDER BY name\r', '|  cy| 40|');
    expect(out).toContain(['+----+---+', '|name|age|', '+----+---+', '| ann| 31|', '|  cy| 40|', '+----+---+'].join('\n'));
    await cell('%sql SELECT count(*) AS n FROM (\r', undefined, CONTINUE);
    expect(await cell('  SELECT * FROM people WHERE age > 26)\r', '|  2|')).toContain('|  n|');
    const m = t.mark();
    t.type('%sql SELECT * FROM peo\t');
    await t.waitFor('FROM people', { after: m });
    await clearLine();
    const bad = await cell('%sql SELECT name FORM people\r', '^^^');
    expect(bad).toContain('[PARSE_SYNTAX_ERROR]');
    expect(bad).not.toMatch(/^\s+at /m);
    const SQL_PROMPT = /\nsql>\s*$/;
    expect(await cell(':sql\r', 'SQL mode', SQL_PROMPT)).toContain('SQL mode');
    await cell('SELECT upper(name) AS u\r', undefined, CONTINUE);
    expect(await cell('FROM people WHERE age < 30;\r', '|BOB|', SQL_PROMPT)).toContain('|  u|');
    expect(await cell(':explain SELECT name FROM people WHERE age > 30\r', 'Filter', SQL_PROMPT)).toMatch(/Filter|LocalTableScan/);
    await cell(':sql\r', 'TypeScript mode');
  });

  it('Ctrl-C cancels the running job (with a progress bar while it runs) and keeps the shell', async () => {
    const m = t.mark();
    t.type('await sc.parallelize([1, 2, 3, 4], 4).map((x: number) => { const end = Date.now() + 60_000; while (Date.now() < end); return x }).collect()\r');
    await t.waitFor(/\[Stage \d+:[= >]*\(0 \+ \d\) \/ 4\]/, { after: m });
    const before = Date.now();
    t.type('\x03');
    await t.waitFor('Cancelled (Ctrl-C)', { after: m });
    expect(Date.now() - before).toBeLessThan(15_000);
    expect(await cell('40 + 2\r', /\n42\n/)).toContain('42');
  });

  it('keeps history across sessions; --no-progress turns the bar off', async () => {
    await cell(`const remembered = 'from the first session'\r`);
    t.type('.exit\r');
    expect(await t.exit()).toBe(0);
    expect(readFileSync(history(), 'utf8')).toContain('remembered');
    t = await start('--no-progress');
    const m = t.mark();
    t.type('\x1b[A\x1b[A'); // Up twice: the last line was .exit
    await t.waitFor(`const remembered = 'from the first session'`, { after: m });
    await clearLine();
    // a job of more than a second, which would show the bar
    await cell('await sc.parallelize([1, 2], 2).map((x: number) => { const end = Date.now() + 1500; while (Date.now() < end); return x }).collect()\r', '[ 1, 2 ]');
    expect(t.output()).not.toContain('[Stage');
    t.type(':quit\r');
    expect(await t.exit()).toBe(0);
  });
});
