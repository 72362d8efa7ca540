/**
 * Functions referenced by module URL and export name. `moduleFunction(url, name)` imports a module and returns
 * one of its exported functions, marked so that `shipFunction` ships it as `{ url, name }`: the receiving thread
 * imports the module itself (`preloadModules`) instead of receiving source. This is the way to ship code that
 * closes over things that cannot travel (a class, a client library, native addons): they are created anew by the
 * module in each thread.
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ClosureError } from '../errors.js';
import { builtinModule } from './well-known.js';

export interface ModuleRef {
  readonly url: string;
  readonly exportName: string;
}

interface ThreadState {
  /** Functions returned by `moduleFunction`, with where they come from. */
  readonly marks: WeakMap<Function, ModuleRef>;
  /** Module namespaces imported in this thread, by URL, so that `loadFunction` can stay synchronous. */
  readonly namespaces: Map<string, Record<string, unknown>>;
  readonly pending: Map<string, Promise<Record<string, unknown>>>;
}

// Kept on globalThis under a registered symbol so that two copies of this module (for example `src` under a
// test runner and `dist` in a worker) share the marks and the preloaded modules of a thread.
const STATE_KEY = Symbol.for('kindling.closure.moduleFunctions');

function state(): ThreadState {
  const holder = globalThis as { [STATE_KEY]?: ThreadState };
  let current = holder[STATE_KEY];
  if (!current) {
    current = { marks: new WeakMap(), namespaces: new Map(), pending: new Map() };
    Object.defineProperty(globalThis, STATE_KEY, { value: current, configurable: true });
  }
  return current;
}

/** Where a function marked by `moduleFunction` comes from, or undefined. */
export function moduleRefOf(fn: Function): ModuleRef | undefined {
  return state().marks.get(fn);
}

const SCHEME = /^[a-zA-Z][a-zA-Z\d+.-]*:/;

/** Turns a file URL, absolute path or URL object into a URL string; rejects bare and relative specifiers. */
export function normalizeModuleUrl(url: string | URL): string {
  if (url instanceof URL) return url.href;
  if (typeof url !== 'string' || url === '') {
    throw new ClosureError(
      'CLOSURE_MODULE_SPECIFIER',
      `moduleFunction expects a module URL (a string or URL), got ${url === '' ? 'an empty string' : typeof url}.`,
    );
  }
  if (isAbsolute(url)) return pathToFileURL(url).href;
  if (SCHEME.test(url)) return url;
  if (url.startsWith('./') || url.startsWith('../') || url === '.' || url === '..') {
    throw new ClosureError(
      'CLOSURE_MODULE_SPECIFIER',
      `moduleFunction got the relative path '${url}'. Worker threads cannot tell what it is relative to: ` +
        `pass new URL('${url}', import.meta.url) instead (or import.meta.url for the current module).`,
    );
  }
  throw new ClosureError(
    'CLOSURE_MODULE_SPECIFIER',
    `moduleFunction got the bare specifier '${url}'. Worker threads resolve modules from their own location, ` +
      `so pass a resolved URL: moduleFunction(import.meta.resolve('${url}'), ...)` +
      (url.includes('/') || url.startsWith('@') ? '' : ` (or 'node:${url}' for a Node built-in module)`) +
      '.',
  );
}

async function importModule(url: string): Promise<Record<string, unknown>> {
  const { namespaces, pending } = state();
  const cached = namespaces.get(url);
  if (cached) return cached;
  let promise = pending.get(url);
  if (!promise) {
    promise = (async () => {
      try {
        const namespace = (await import(url)) as Record<string, unknown>;
        namespaces.set(url, namespace);
        return namespace;
      } catch (error) {
        throw new ClosureError(
          'CLOSURE_MODULE_NOT_FOUND',
          `Cannot import the module '${url}': ${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        );
      } finally {
        pending.delete(url);
      }
    })();
    pending.set(url, promise);
  }
  return promise;
}

/**
 * Imports the module at `url` and returns its export `exportName`, a function that `shipFunction` ships by
 * reference (module URL + export name), also when it is captured inside another function.
 *
 * @param url a file URL (`import.meta.url`, `new URL('./f.js', import.meta.url)`, `import.meta.resolve('pkg')`),
 *   an absolute path or a URL object.
 */
export async function moduleFunction<F extends Function>(url: string | URL, exportName: string): Promise<F> {
  const href = normalizeModuleUrl(url);
  if (typeof exportName !== 'string' || exportName === '') {
    throw new ClosureError('CLOSURE_MODULE_NOT_FOUND', `moduleFunction needs the name of an export of '${href}'.`);
  }
  const namespace = await importModule(href);
  const value = namespace[exportName];
  if (typeof value !== 'function') {
    const functions = Object.keys(namespace).filter((key) => typeof namespace[key] === 'function');
    throw new ClosureError(
      'CLOSURE_MODULE_NOT_FOUND',
      value === undefined
        ? `The module '${href}' has no export '${exportName}'` +
            (functions.length > 0 ? ` (its exported functions: ${functions.join(', ')}).` : '.')
        : `The export '${exportName}' of '${href}' is ${describeType(value)}, not a function.`,
    );
  }
  const { marks } = state();
  if (!marks.has(value)) marks.set(value, { url: href, exportName });
  return value as F;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return `an object`;
  return `a ${typeof value}`;
}

/** Imports the modules and keeps their namespaces in this thread, so that `loadFunction` can use them synchronously. */
export async function preloadModules(urls: Iterable<string>): Promise<void> {
  const unique = new Set(urls);
  await Promise.all([...unique].map((url) => (builtinModule(url) !== undefined ? undefined : importModule(url))));
}

/** The namespace of a module imported in this thread (preloaded, or a `node:` built-in), or undefined. */
export function loadedModule(url: string): Record<string, unknown> | undefined {
  const cached = state().namespaces.get(url);
  if (cached) return cached;
  const builtin = builtinModule(url);
  return typeof builtin === 'object' && builtin !== null ? (builtin as Record<string, unknown>) : undefined;
}
