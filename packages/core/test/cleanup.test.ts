import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Context } from '@kindling/core';

describe('temporary files and workers', () => {
  it('a context never stopped still removes its directory when the process exits', () => {
    const script = `
      import { Context } from '@kindling/core';
      const sc = new Context({ master: 'local[2]' });
      const r = sc.range(0, 1000, 1, 4).map((x) => [x % 7, x]).cache();
      await r.reduceByKey((a, b) => a + b).collect();
      await sc.range(0, 10, 1, 2).localCheckpoint().count();
      console.log(sc.localDir);
      process.exit(0);
    `;
    const dir = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('.', import.meta.url)),
      encoding: 'utf8',
      timeout: 30_000,
    }).trim();
    expect(dir).toMatch(/kindling-/);
    expect(existsSync(dir)).toBe(false);
  });

  it('stop() ends the worker threads and removes the directory', async () => {
    const before = process.getActiveResourcesInfo().filter((r) => r === 'Worker' || r === 'MessagePort').length;
    const sc = new Context({ master: 'local[2]' });
    await sc.range(0, 100, 1, 4).map((x) => x + 1).sum();
    await sc.stop();
    expect(existsSync(sc.localDir)).toBe(false);
    await new Promise((r) => setTimeout(r, 100));
    const after = process.getActiveResourcesInfo().filter((r) => r === 'Worker' || r === 'MessagePort').length;
    expect(after).toBeLessThanOrEqual(before);
  });
});
