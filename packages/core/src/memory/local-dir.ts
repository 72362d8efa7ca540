import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const live = new Set<string>();
let hooked = false;

/**
 * One directory per Context for its temporary files (spills, shuffle files, local checkpoints). Removed by
 * `stop()`, and on normal process exit for contexts that were never stopped.
 */
export function createLocalDir(appName: string, parent: string = tmpdir()): string {
  const safe = appName.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 40) || 'app';
  const dir = mkdtempSync(join(parent, `kindling-${safe}-`));
  live.add(dir);
  if (!hooked) {
    hooked = true;
    process.once('exit', () => {
      for (const d of live) rmSync(d, { recursive: true, force: true });
    });
  }
  return dir;
}

export function removeLocalDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  live.delete(dir);
}
