/**
 * Functions every thread already has: built-ins of the JavaScript runtime (`Math.sqrt`, `String`, `JSON.stringify`,
 * `console.log`...) are shipped as a path from `globalThis`, and functions exported by Node's built-in modules
 * (`readFileSync` from `node:fs`, `basename` from `node:path`...) as a module reference. Also tells which free
 * identifiers are globals of the runtime.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Own global names present when this module was loaded: the runtime's globals, as opposed to ones a program adds later. */
const BASELINE_GLOBALS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(globalThis));

/** Identifiers that are always the global value (they cannot be usefully shadowed at module scope). */
const ALWAYS_GLOBAL: ReadonlySet<string> = new Set(['undefined', 'NaN', 'Infinity', 'globalThis']);

/** Global objects whose function members are well-known (besides the statics of global constructors). */
const NAMESPACES = ['Math', 'JSON', 'Reflect', 'Atomics', 'Intl', 'console', 'WebAssembly', 'process'];

/** Node globals implemented in JavaScript (not `[native code]`) or installed as lazy getters, but present in every thread. */
const NODE_GLOBALS = [
  'Buffer',
  'URL',
  'URLSearchParams',
  'TextEncoder',
  'TextDecoder',
  'AbortController',
  'AbortSignal',
  'structuredClone',
  'atob',
  'btoa',
  'setTimeout',
  'clearTimeout',
  'setInterval',
  'clearInterval',
  'setImmediate',
  'clearImmediate',
  'queueMicrotask',
];

/** Built-in modules whose exported functions are shipped by reference when captured or passed. */
const BUILTIN_MODULES = [
  'fs',
  'fs/promises',
  'path',
  'url',
  'util',
  'util/types',
  'crypto',
  'zlib',
  'os',
  'buffer',
  'string_decoder',
  'querystring',
  'assert',
  'v8',
];

const NATIVE_SOURCE = /\{\s*\[native code\]\s*\}\s*$/;

export function isNativeSource(source: string): boolean {
  return NATIVE_SOURCE.test(source);
}

export function isAlwaysGlobal(name: string): boolean {
  return ALWAYS_GLOBAL.has(name);
}

/**
 * A free identifier that is not a variable of any enclosing scope: is it a global of the runtime (which every
 * thread has), rather than one the program put on `globalThis` (which must be captured like a variable)?
 */
export function isRuntimeGlobal(name: string): boolean {
  if (!(name in globalThis)) return false;
  if (BASELINE_GLOBALS.has(name) || !Object.prototype.hasOwnProperty.call(globalThis, name)) return true;
  // Added after Kindling was loaded: a program global. Accessors are left alone (not read).
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, name);
  return descriptor === undefined || !('value' in descriptor);
}

let globalPaths: Map<Function, string> | undefined;

function dataValue(owner: object, key: string): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(owner, key);
  return descriptor && 'value' in descriptor ? descriptor.value : undefined;
}

function addMembers(paths: Map<Function, string>, owner: object, prefix: string, requireNative: boolean): void {
  for (const key of Object.getOwnPropertyNames(owner)) {
    if (key === 'prototype' || key === 'constructor') continue;
    const value = dataValue(owner, key);
    if (typeof value !== 'function' || paths.has(value)) continue;
    if (requireNative && !isNativeSource(Function.prototype.toString.call(value))) continue;
    paths.set(value, `${prefix}.${key}`);
  }
}

function buildGlobalPaths(): Map<Function, string> {
  const paths = new Map<Function, string>();
  const g = globalThis as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(globalThis)) {
    if (!BASELINE_GLOBALS.has(name)) continue;
    const value = dataValue(globalThis, name);
    if (typeof value === 'function' && isNativeSource(Function.prototype.toString.call(value))) {
      if (!paths.has(value)) paths.set(value, name);
      addMembers(paths, value, name, true);
    }
  }
  for (const name of NODE_GLOBALS) {
    if (!BASELINE_GLOBALS.has(name)) continue;
    const value = g[name];
    if (typeof value !== 'function') continue;
    if (!paths.has(value)) paths.set(value, name);
    addMembers(paths, value, name, false);
  }
  for (const name of NAMESPACES) {
    const value = dataValue(globalThis, name);
    if (typeof value === 'object' && value !== null) addMembers(paths, value, name, false);
  }
  return paths;
}

/** The path from `globalThis` of a well-known built-in function (`Math.sqrt`), or undefined. */
export function globalPathOf(fn: Function): string | undefined {
  globalPaths ??= buildGlobalPaths();
  return globalPaths.get(fn);
}

/** Resolves a path made by `globalPathOf` in the current thread. */
export function resolveGlobalPath(path: string): unknown {
  let value: unknown = globalThis;
  for (const key of path.split('.')) {
    if (value === null || value === undefined) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

export interface BuiltinExport {
  readonly url: string;
  readonly exportName: string;
}

let builtinExports: Map<Function, BuiltinExport> | undefined;

function loadBuiltin(name: string): unknown {
  const getBuiltinModule = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  try {
    return getBuiltinModule ? getBuiltinModule(`node:${name}`) : require(`node:${name}`);
  } catch {
    return undefined;
  }
}

function buildBuiltinExports(): Map<Function, BuiltinExport> {
  const exports = new Map<Function, BuiltinExport>();
  for (const name of BUILTIN_MODULES) {
    const module = loadBuiltin(name);
    if (typeof module !== 'object' || module === null) continue;
    for (const key of Object.getOwnPropertyNames(module)) {
      const value = dataValue(module, key);
      if (typeof value === 'function' && !exports.has(value)) {
        exports.set(value, { url: `node:${name}`, exportName: key });
      }
    }
  }
  return exports;
}

/** The built-in module (`node:fs`) and export name of a function, or undefined. */
export function builtinExportOf(fn: Function): BuiltinExport | undefined {
  builtinExports ??= buildBuiltinExports();
  return builtinExports.get(fn);
}

/** Synchronously gets a built-in module's namespace (`node:fs`), or undefined for other URLs. */
export function builtinModule(url: string): unknown {
  return url.startsWith('node:') ? loadBuiltin(url.slice(5)) : undefined;
}
