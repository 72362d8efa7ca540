/**
 * Code that build and test tools inject into function source, recognised by name so that it can be shimmed
 * (esbuild's `__name`) or explained in error messages (vitest's import rewriting, istanbul's counters).
 */
import type { ToolHelperName } from './types.js';

/** Helpers replaced by a local shim in the loading thread instead of being shipped. */
export function toolHelper(name: string): ToolHelperName | undefined {
  return name === '__name' ? '__name' : undefined;
}

/** esbuild's `__name(fn, "name")` (inserted by tsx and `keepNames`): sets a function's name. */
export function nameHelperShim(target: unknown, value: string): unknown {
  if ((typeof target === 'function' || (typeof target === 'object' && target !== null)) && typeof value === 'string') {
    try {
      Object.defineProperty(target, 'name', { value, configurable: true });
    } catch {
      // A frozen or non-configurable target keeps its name; esbuild's helper would throw, ours does not.
    }
  }
  return target;
}

const VITEST_IMPORT = /^__vi_import_\d+__$|^__vite_ssr_import_\d+__$/;
const VITEST_OTHER = /^__vite_ssr_\w+__$|^__vi_\w+__$/;
const ISTANBUL_COUNTER = /^cov_[0-9a-z]+$/i;

/** Names whose value is a module namespace object made by a tool: shipped member by member when possible. */
export function isToolNamespaceName(name: string): boolean {
  return VITEST_IMPORT.test(name) || name === '__vite_ssr_import_meta__';
}

/** An explanation of an identifier injected by a tool, for messages; undefined for user identifiers. */
export function toolNote(name: string): string | undefined {
  if (VITEST_IMPORT.test(name)) {
    return (
      `\`${name}\` is how vitest (vite-node) rewrote an import of your test module: the function refers to the ` +
      `imported binding as \`${name}.binding\`, a member of that module's namespace object. Kindling ships the ` +
      'members the function uses when they are plain values or plain functions; anything else (a class, an ' +
      'instance, a function that closes over one) must come from a module function: ' +
      "moduleFunction(new URL('./module.js', import.meta.url), 'name')."
    );
  }
  if (name === '__vite_ssr_import_meta__') {
    return '`__vite_ssr_import_meta__` is how vitest rewrote `import.meta`. Read the field you need (import.meta.url) into a local const outside the function.';
  }
  if (name === '__vite_ssr_dynamic_import__') {
    return '`__vite_ssr_dynamic_import__` is how vitest rewrote `import()`. Import the module with moduleFunction(url, name) instead of inside the shipped function.';
  }
  if (VITEST_OTHER.test(name)) {
    return `\`${name}\` was inserted by vitest (vite-node) when it transformed your module.`;
  }
  if (ISTANBUL_COUNTER.test(name)) {
    return (
      `\`${name}\` looks like a coverage counter inserted by istanbul (vitest --coverage.provider=istanbul, nyc, ` +
      'babel-plugin-istanbul). Counts made in worker threads are not reported back; use the v8 coverage provider, ' +
      'which does not rewrite function source.'
    );
  }
  if (name === '__name') {
    return '`__name` is the helper esbuild inserts (tsx, keepNames) to keep function names.';
  }
  return undefined;
}
