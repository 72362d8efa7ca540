// Module resolution hooks for `kindling run`, preloaded with tsx's loader.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface ResolveContext {
  parentURL?: string;
  conditions: string[];
}
interface Resolved {
  url: string;
  format?: string | null;
}
type NextResolve = (specifier: string, context?: ResolveContext) => Promise<Resolved>;

const OWN = /^@kindling\/(core|sql|cli)(\/|$)/;

/** The "type" of the package.json nearest to a file, or undefined when there is none or it has no "type". */
function packageType(file: string): string | undefined {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        return (JSON.parse(readFileSync(pkg, 'utf8')) as { type?: string }).type;
      } catch {
        return undefined;
      }
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * - `@kindling/*` packages the script's project does not have resolve to the ones the command line ships with, so a
 *   script anywhere can import the engine.
 * - A user's .ts/.js file outside node_modules, in a folder whose package.json does not say "type" (or with no
 *   package.json at all), loads as an ES module: scripts use `import` and top-level `await`, which CommonJS — Node's
 *   default for such files — rejects. An explicit "type": "commonjs" is respected.
 */
export async function resolve(specifier: string, context: ResolveContext, next: NextResolve): Promise<Resolved> {
  let r: Resolved;
  try {
    r = await next(specifier, context);
  } catch (e) {
    if (!(OWN.test(specifier) && (e as { code?: string }).code === 'ERR_MODULE_NOT_FOUND')) throw e;
    r = await next(specifier, { ...context, parentURL: import.meta.url });
  }
  if (r.format === 'commonjs' && r.url.startsWith('file:') && /\.(ts|tsx|js|jsx)$/.test(r.url) && !r.url.includes('/node_modules/')) {
    if (packageType(fileURLToPath(r.url)) === undefined) return { ...r, format: 'module' };
  }
  return r;
}
