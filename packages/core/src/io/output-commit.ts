import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { OutputError } from '../errors.js';

/**
 * Job-level output commit: tasks write into a staging directory beside the target; only a successful job
 * renames it into place (with `_SUCCESS` inside), so readers never see a partial directory and a failed job
 * leaves nothing at the target.
 */
export async function commitOutput(target: string, overwrite: boolean, write: (stagingDir: string) => Promise<void>): Promise<void> {
  const dir = resolve(target);
  if (existsSync(dir) && !overwrite) {
    throw new OutputError(
      'PATH_ALREADY_EXISTS',
      `Output directory ${dir} already exists. Choose a new path, delete it, or pass { overwrite: true }.`,
    );
  }
  const parent = dirname(dir);
  try {
    mkdirSync(parent, { recursive: true });
  } catch (e) {
    throw new OutputError('OUTPUT_NOT_WRITABLE', `Cannot create ${parent}: ${(e as Error).message}`);
  }
  const staging = join(parent, `.${basename(dir)}.kindling-${randomUUID()}.tmp`);
  mkdirSync(staging);
  try {
    await write(staging);
    rmSync(join(staging, '_temporary'), { recursive: true, force: true });
    writeFileSync(join(staging, '_SUCCESS'), '');
    if (existsSync(dir)) {
      const trash = `${staging}.old`;
      renameSync(dir, trash);
      renameSync(staging, dir);
      rmSync(trash, { recursive: true, force: true });
    } else {
      renameSync(staging, dir);
    }
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
}
