import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../bin/kindling.js', import.meta.url));
let dir: string;

/** `kindling sql ...` in the temp dir, stdout a pipe (so the default format is CSV). */
function sql(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, 'sql', '--master', 'local', ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kindling-sql-'));
  writeFileSync(join(dir, 'people.csv'), 'name,age,dept\nann,31,eng\nbob,25,ops\ncy,40,eng\n');
  writeFileSync(join(dir, 'depts.json'), '{"dept":"eng","floor":3}\n{"dept":"ops","floor":1}\n');
  writeFileSync(join(dir, 'bad.csv'), 'name,age\nann,31\nbob,25,extra\n');
  writeFileSync(
    join(dir, 'report.sql'),
    `-- people per floor; the ';' inside the string is not a separator
CREATE OR REPLACE TEMP VIEW staff AS
  SELECT p.name, p.age, d.floor FROM people p JOIN depts d ON p.dept = d.dept;
SELECT floor, count(*) AS n, max(name) AS last, 'a;b' AS s
FROM staff GROUP BY floor ORDER BY floor;
`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TABLES = ['--table', 'people=people.csv', '--table', 'depts=depts.json'];

describe('kindling sql', () => {
  it("prints a query's result as Spark's table, and as CSV when stdout is not a terminal", () => {
    const t = sql(...TABLES, '--format', 'table', 'SELECT name, age FROM people WHERE age > 26 ORDER BY name');
    expect(t.stderr).toBe('');
    expect(t.code).toBe(0);
    expect(t.stdout).toBe(['+----+---+', '|name|age|', '+----+---+', '|ann |31 |', '|cy  |40 |', '+----+---+', ''].join('\n'));
    const c = sql(...TABLES, 'SELECT dept, count(*) AS n FROM people GROUP BY dept ORDER BY dept');
    expect(c.stdout).toBe('dept,n\neng,2\nops,1\n');
    // files queried directly, without --table
    expect(sql('SELECT count(*) AS n FROM json.`depts.json`').stdout).toBe('n\n2\n');
  });

  it('runs a script of statements and writes the last result as JSON or JSON Lines', () => {
    const j = sql(...TABLES, '-f', 'report.sql', '--format', 'json');
    expect(j.stderr).toBe('');
    expect(JSON.parse(j.stdout)).toEqual([
      { floor: 1, n: 1, last: 'bob', s: 'a;b' },
      { floor: 3, n: 2, last: 'cy', s: 'a;b' },
    ]);
    const l = sql(...TABLES, '--format', 'jsonl', 'SELECT name FROM people ORDER BY age DESC LIMIT 2');
    expect(l.stdout).toBe('{"name":"cy"}\n{"name":"ann"}\n');
  });

  it('writes --output files and directories that read back', () => {
    expect(sql(...TABLES, '--output', 'out.parquet', 'SELECT * FROM people').code).toBe(0);
    const back = sql('--table', 't=out.parquet', 'SELECT count(*) AS n, sum(age) AS total FROM t');
    expect(back.stdout).toBe('n,total\n3,96\n');
    expect(sql(...TABLES, '-o', 'by-dept', '--format', 'csv', 'SELECT * FROM people').code).toBe(0);
    expect(readdirSync(join(dir, 'by-dept'))).toContain('_SUCCESS');
    const again = sql(...TABLES, '-o', 'by-dept', '--format', 'csv', 'SELECT * FROM people');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('[PATH_ALREADY_EXISTS]');
  });

  it('fails on a malformed CSV with the file and line, writing nothing', () => {
    const r = sql('--table', 'bad=bad.csv', '--output', 'never.csv', 'SELECT * FROM bad');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^\[MALFORMED_RECORD\] .*bad\.csv line 3: expected 2 fields, found 3/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(join(dir, 'never.csv'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('fails on a syntax error with line, column and caret', () => {
    const r = sql(...TABLES, 'SELECT name,\nFROM people');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[PARSE_SYNTAX_ERROR]');
    expect(r.stderr).toContain('(line 2, column 1)');
    expect(r.stderr).toContain('FROM people\n^^^');
    writeFileSync(join(dir, 'broken.sql'), 'SELECT 1;\n\nSELECT name FORM people;\n');
    const f = sql(...TABLES, '-f', 'broken.sql');
    expect(f.code).toBe(1);
    expect(f.stderr).toMatch(/\(line 3, column \d+\)/);
    expect(f.stderr).toContain('in broken.sql');
    expect(f.stdout).toBe(''); // nothing ran: the script is parsed whole first
  });

  it('reports analysis errors with the nearest name, and bad usage with status 2', () => {
    writeFileSync(join(dir, 'typo.sql'), 'SELECT 1 AS one;\nSELECT nmae\nFROM people;\n');
    const a = sql(...TABLES, '-f', 'typo.sql', '--format', 'table');
    expect(a.code).toBe(1);
    expect(a.stdout).toContain('|one|'); // the first statement ran and printed
    expect(a.stderr).toMatch(/^\[UNRESOLVED_COLUMN\] .*did you mean 'name'/);
    expect(a.stderr).toContain('(in statement 2 of 2 of typo.sql, line 2)');
    for (const args of [['--frobnicate', 'SELECT 1'], ['--table', 'nopath', 'SELECT 1'], ['--format', 'parquet', 'SELECT 1'], []]) {
      const u = sql(...args);
      expect(u.code, args.join(' ')).toBe(2);
      expect(u.stderr).toMatch(/^\[[A-Z_]+\] /);
    }
  });
});
