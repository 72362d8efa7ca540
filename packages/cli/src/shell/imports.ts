import { builtinModules, createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

let tsxRegistered = false;

/** TypeScript modules import through tsx's loader, registered the first time a cell imports one. */
async function ensureTypeScriptLoader(): Promise<void> {
  if (tsxRegistered) return;
  const { register } = await import('tsx/esm/api');
  register();
  tsxRegistered = true;
}

/**
 * `import(spec)` for a cell. A cell is a script, not a module, so there is no importing file: relative paths and
 * packages resolve from the working directory (the user's project), and packages the project lacks from the shell's
 * own dependencies (so `@kindling/core` and `@kindling/sql` always resolve).
 */
export async function importFromCell(spec: string, cwd = process.cwd()): Promise<unknown> {
  if (spec.startsWith('node:') || builtinModules.includes(spec)) return import(spec);
  let target = spec;
  if (spec.startsWith('.') || isAbsolute(spec)) target = pathToFileURL(resolve(cwd, spec)).href;
  else if (!spec.startsWith('file:')) {
    try {
      target = pathToFileURL(createRequire(join(cwd, '__kindling_shell__.js')).resolve(spec)).href;
    } catch {
      target = spec; // resolved from this package
    }
  }
  if (/\.[cm]?tsx?$/.test(target)) await ensureTypeScriptLoader();
  return import(target);
}
