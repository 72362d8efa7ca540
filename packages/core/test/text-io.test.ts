import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { contexts, MASTERS, tempDir } from './helpers.js';

const ctx = contexts();
const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** Lines of varied length, some empty, some multi-byte, so split points land everywhere. */
function makeLines(n: number, seed: number): string[] {
  let s = seed;
  const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const alphabet = ['a', 'b', ' ', 'é', '日本', '🔥', 'z', '\t'];
  return Array.from({ length: n }, () => {
    const len = rnd() < 0.1 ? 0 : Math.floor(rnd() * 120);
    let line = '';
    for (let i = 0; i < len; i++) line += alphabet[Math.floor(rnd() * alphabet.length)];
    return line;
  });
}

describe.each(MASTERS)('text files on %s', (master) => {
  const sc = () => ctx[master];

  it('textFile reads every line exactly once however the file is split', async () => {
    const lines = makeLines(3000, 42);
    const file = join(tmp.path, `lines-${master}.txt`);
    writeFileSync(file, lines.join('\n') + '\n');
    for (const minPartitions of [1, 2, 3, 7, 64, 500]) {
      const rdd = sc().textFile(file, minPartitions);
      expect(rdd.getNumPartitions()).toBeGreaterThanOrEqual(Math.min(minPartitions, 2));
      expect(await rdd.collect()).toEqual(lines);
    }
  });

  it('handles CRLF, no trailing newline, and an empty file', async () => {
    const file = join(tmp.path, `crlf-${master}.txt`);
    writeFileSync(file, 'one\r\ntwo\r\n\r\nthree');
    expect(await sc().textFile(file, 5).collect()).toEqual(['one', 'two', '', 'three']);
    const empty = join(tmp.path, `empty-${master}.txt`);
    writeFileSync(empty, '');
    expect(await sc().textFile(empty).collect()).toEqual([]);
  });

  it('reads directories, globs, comma-separated lists and gzip; skips hidden files', async () => {
    const dir = join(tmp.path, `dir-${master}`);
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.txt'), 'a1\na2\n');
    writeFileSync(join(dir, 'b.txt'), 'b1\n');
    writeFileSync(join(dir, '_SUCCESS'), '');
    writeFileSync(join(dir, '.hidden'), 'nope\n');
    writeFileSync(join(dir, 'c.log.gz'), gzipSync('g1\ng2\n'));
    expect(await sc().textFile(dir).collect()).toEqual(['a1', 'a2', 'b1', 'g1', 'g2']);
    expect(await sc().textFile(join(dir, '*.txt')).collect()).toEqual(['a1', 'a2', 'b1']);
    expect(await sc().textFile(`${join(dir, 'b.txt')},${join(dir, 'a.txt')}`).collect()).toEqual(['b1', 'a1', 'a2']);
  });

  it('a missing path fails with PATH_NOT_FOUND naming it', async () => {
    const rdd = sc().textFile(join(tmp.path, 'nope.txt'));
    await expect(rdd.count()).rejects.toThrow(/PATH_NOT_FOUND.*nope\.txt/);
    await expect(sc().textFile(join(tmp.path, 'nothing-*.csv')).count()).rejects.toThrow(/matched no files/);
  });

  it('wholeTextFiles', async () => {
    const dir = join(tmp.path, `whole-${master}`);
    mkdirSync(dir);
    writeFileSync(join(dir, '1.txt'), 'first\nfile');
    writeFileSync(join(dir, '2.txt'), 'second');
    expect(await sc().wholeTextFiles(dir).collect()).toEqual([
      [join(dir, '1.txt'), 'first\nfile'],
      [join(dir, '2.txt'), 'second'],
    ]);
  });

  it('saveAsTextFile commits part files and _SUCCESS, and round-trips', async () => {
    const out = join(tmp.path, `out-${master}`);
    await sc().parallelize(['x', 'y', 'z'], 2).saveAsTextFile(out);
    expect(readdirSync(out).sort()).toEqual(['_SUCCESS', 'part-00000', 'part-00001']);
    expect(readFileSync(join(out, 'part-00000'), 'utf8')).toBe('x\n');
    expect(await sc().textFile(out).collect()).toEqual(['x', 'y', 'z']);
    const pairs = join(tmp.path, `pairs-${master}`);
    await sc().parallelize([['a', 1], ['b', 2]], 1).saveAsTextFile(pairs);
    expect(readFileSync(join(pairs, 'part-00000'), 'utf8')).toBe('["a",1]\n["b",2]\n');
  });

  it('saveAsTextFile refuses an existing directory unless overwrite is asked', async () => {
    const out = join(tmp.path, `exists-${master}`);
    await sc().parallelize([1], 1).saveAsTextFile(out);
    await expect(sc().parallelize([2], 1).saveAsTextFile(out)).rejects.toThrow(/PATH_ALREADY_EXISTS/);
    await sc().parallelize([2, 3], 2).saveAsTextFile(out, { overwrite: true });
    expect(await sc().textFile(out).collect()).toEqual(['2', '3']);
  });

  it('a failed job leaves nothing at the target and no staging files', async () => {
    const parent = join(tmp.path, `failing-${master}`);
    mkdirSync(parent);
    const out = join(parent, 'out');
    const rdd = sc().parallelize([1, 2, 3, 4], 4).map((x) => {
      if (x === 4) throw new Error('boom');
      return x;
    });
    await expect(rdd.saveAsTextFile(out)).rejects.toThrow(/boom/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(parent)).toEqual([]);
  });
});
