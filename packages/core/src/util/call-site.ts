import { fileURLToPath } from 'node:url';
import { basename, dirname, join, sep } from 'node:path';

// The package's own code, in dist/ and (when a test runner maps stack frames back through source maps) src/.
const PACKAGE_DIR = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const OWN_DIRS = [join(PACKAGE_DIR, 'src') + sep, join(PACKAGE_DIR, 'dist') + sep];

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
    return `${basename(file)}:${m[2]}`;
  }
  return '<unknown>';
}
