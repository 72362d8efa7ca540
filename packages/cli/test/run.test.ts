import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../bin/kindling.js', import.meta.url));
let dir: string;

function kindling(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  // A folder outside any project: no package.json, no node_modules.
  dir = mkdtempSync(join(tmpdir(), 'kindling-run-'));
  writeFileSync(join(dir, 'people.csv'), 'name,age\nann,31\nbob,25\ncy,40\n');
  writeFileSync(join(dir, 'tools.ts'), 'export function double(x: number): number { return x * 2; }\n');
  writeFileSync(
    join(dir, 'job.ts'),
    `import { Session, col } from '@kindling/sql';
import { moduleFunction } from '@kindling/core';
import { double } from './tools.ts';

interface Args { minAge: number }
const args: Args = { minAge: Number(process.argv[2]) };
const spark = Session.builder().getOrCreate();
const n: number = await spark.read.option('header', true).option('inferSchema', true).csv('people.csv').filter(col('age').gt(args.minAge)).count();
// a TypeScript module imported by the worker threads themselves
const twice = await moduleFunction<(x: number) => number>(new URL('./tools.ts', import.meta.url), 'double');
const doubled = await spark.sparkContext.parallelize([1, 2, 3], 3).map((x) => twice(x)).collect();
console.log(JSON.stringify({ n, doubled, local: double(21), master: spark.sparkContext.master, rest: process.argv.slice(3) }));
await spark.stop();
`,
  );
  writeFileSync(join(dir, 'fails.mjs'), "throw new Error('boom from the script');\n");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kindling run', () => {
  it('runs a TypeScript file with top-level await and the engine importable, outside any project', () => {
    const r = kindling(['run', '--master', 'local[2]', 'job.ts', '26', 'x', '--flag']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ n: 2, doubled: [2, 4, 6], local: 42, master: 'local[2]', rest: ['x', '--flag'] });
    expect(r.code).toBe(0);
  });

  it("exits with the script's failure", () => {
    const r = kindling(['run', 'fails.mjs']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('boom from the script');
  });

  it('reports a missing script and bad usage with status 2', () => {
    const missing = kindling(['run', 'nope.ts']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/\[SCRIPT_NOT_FOUND\] Script .*nope\.ts does not exist/);
    expect(kindling(['run']).code).toBe(2);
    expect(kindling(['run', '--master', 'yarn', 'job.ts']).stderr).toContain('[INVALID_MASTER]');
  });
});
