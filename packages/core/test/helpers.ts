import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { Context, compareKeys } from '@kindling/core';

/** Masters every semantic test runs under: inline and a real worker pool. */
export const MASTERS = ['local', 'local[2]'] as const;

/** One Context per master for a test file, stopped at the end. */
export function contexts(): Record<(typeof MASTERS)[number], Context> {
  const out = {} as Record<(typeof MASTERS)[number], Context>;
  beforeAll(() => {
    for (const m of MASTERS) out[m] = new Context({ master: m, appName: 'test' });
  });
  afterAll(async () => {
    for (const m of MASTERS) await out[m]?.stop();
  });
  return out;
}

export function sorted<T>(xs: T[]): T[] {
  return [...xs].sort(compareKeys);
}

export function tempDir(prefix = 'kindling-test-'): { path: string; cleanup: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}
