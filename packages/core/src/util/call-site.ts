import { fileURLToPath } from 'node:url';
import { basename, dirname, join, sep } from 'node:path';
import { readFileSync } from 'node:fs';

// The package's own code, in dist/ and (when a test runner maps stack frames back through source maps) src/.
const PACKAGE_DIR = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const OWN_DIRS = [join(PACKAGE_DIR, 'src') + sep, join(PACKAGE_DIR, 'dist') + sep];

// The other engine packages (@kindling/sql, the command line) live outside node_modules in a workspace checkout, so
// their code is recognised by its package.json: a file under src/ or dist/ of a @kindling/* package (tests and
// examples of those packages are user code). Directory → its package's root and whether that is a Kindling package.
const packageOf = new Map<string, { root: string; kindling: boolean }>();

function inKindlingPackage(file: string): boolean {
  const visited: string[] = [];
  let found: { root: string; kindling: boolean } | undefined;
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    found = packageOf.get(dir);
    if (found) break;
    visited.push(dir);
    let name: string | undefined;
    try {
      name = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name ?? '';
    } catch {
      name = undefined;
    }
    if (name !== undefined || dirname(dir) === dir) {
      found = { root: dir, kindling: name?.startsWith('@kindling/') === true };
      break;
    }
  }
  for (const d of visited) packageOf.set(d, found);
  return found.kindling && (file.startsWith(join(found.root, 'src') + sep) || file.startsWith(join(found.root, 'dist') + sep));
}

/**
 * "file.ts:12" of the first stack frame outside Kindling, so lineage and stages are named after the user's
 * line, as Spark's call sites are.
 */
export function userCallSite(): string {
  const holder: { stack?: string } = {};
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 30;
  Error.captureStackTrace(holder, userCallSite);
  Error.stackTraceLimit = limit;
  for (const line of (holder.stack ?? '').split('\n').slice(1)) {
    const m = /\(?((?:file:\/\/)?[^\s()]+):(\d+):\d+\)?\s*$/.exec(line);
    if (!m) continue;
    let file = m[1]!;
    if (file.startsWith('file://')) file = fileURLToPath(file);
    if (file.startsWith('node:') || OWN_DIRS.some((d) => file.startsWith(d)) || file.includes('/node_modules/')) continue;
    if (file.startsWith(sep) && inKindlingPackage(file)) continue;
    return `${basename(file)}:${m[2]}`;
  }
  return '<unknown>';
}
