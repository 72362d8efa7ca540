import { readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { InputError } from '../errors.js';

export interface InputFile {
  path: string;
  size: number;
}

// Spark skips files whose names start with '_' or '.' (e.g. _SUCCESS, .crc) when reading a directory.
function hidden(name: string): boolean {
  return name.startsWith('_') || name.startsWith('.');
}

function toPath(p: string): string {
  return p.startsWith('file:') ? fileURLToPath(p) : resolve(p);
}

/**
 * Expands a path, directory, glob, or comma-separated list of those into files, sorted by path within each
 * entry so partition order is stable. Throws PATH_NOT_FOUND naming the entry that matched nothing.
 */
export function listInputFiles(spec: string): InputFile[] {
  const out: InputFile[] = [];
  for (const entry of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const path = toPath(entry);
    let files: string[];
    if (isDynamicPattern(path)) {
      files = globSync(path, { absolute: true, onlyFiles: true, dot: false }).filter((f) => !hidden(basename(f))).sort();
    } else {
      let st;
      try {
        st = statSync(path);
      } catch {
        throw new InputError('PATH_NOT_FOUND', `Input path does not exist: ${path}. Check the path, or use a glob such as 'data/*.txt'.`);
      }
      files = st.isDirectory()
        ? readdirSync(path, { withFileTypes: true })
            .filter((d) => d.isFile() && !hidden(d.name))
            .map((d) => join(path, d.name))
            .sort()
        : [path];
    }
    if (files.length === 0) {
      throw new InputError('PATH_NOT_FOUND', `Input path matched no files: ${entry}. Check the path or glob pattern.`);
    }
    for (const f of files) out.push({ path: f, size: statSync(f).size });
  }
  return out;
}
