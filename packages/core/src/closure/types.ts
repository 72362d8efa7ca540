import type { HandleRef } from './handles.js';

/**
 * The shipped form of a function: plain data only, so it survives `structuredClone`, `postMessage` and
 * `v8.serialize`. Produced by `shipFunction`, turned back into a callable by `loadFunction`.
 *
 * A shipped function is a small graph: `fns[root]` is the function given to the transformation, and the
 * functions it captures (recursively, including self- and mutual recursion) are further entries of `fns`,
 * referred to by index. The fields are an internal format: treat a `ShippedFunction` as opaque.
 */
export interface ShippedFunction {
  /** Format tag, checked by `loadFunction`. */
  readonly format: typeof SHIPPED_FORMAT;
  /**
   * Unique per `shipFunction` call. Copies of one shipped function (after postMessage) share the id, so a
   * thread rebuilds a stage's closure once however many tasks carry it.
   */
  readonly id: string;
  /** The API the function was given to (`map`, `filter`, ...), for messages. */
  readonly op: string;
  /** Index in `fns` of the function itself. */
  readonly root: number;
  readonly fns: readonly ShippedEntry[];
  /** Module URLs that must be imported (see `preloadModules`) before `loadFunction` can rebuild the graph. */
  readonly modules: readonly string[];
  /** Engine handles (broadcasts, accumulators) captured anywhere in the graph; absent when there are none. */
  readonly handles?: readonly HandleRef[];
}

export const SHIPPED_FORMAT = 'kindling.closure/1';

/** One function of the graph. */
export type ShippedEntry = SourceEntry | ModuleEntry | GlobalEntry;

/** A function shipped by source, with the values of the variables it captures. */
export interface SourceEntry {
  readonly k: 'src';
  /** `fn.toString()`, unchanged. */
  readonly source: string;
  /** `expr`: the source is a function or arrow expression; `method`: method shorthand (`m(x) { ... }`). */
  readonly wrap: 'expr' | 'method';
  /** Rebuild in strict mode (everything except sloppy-mode `function`s). */
  readonly strict: boolean;
  /** The original `fn.name`, restored on the rebuilt function. */
  readonly name: string;
  /** Captured variable names, and their encoded values (same order). */
  readonly names: readonly string[];
  readonly values: readonly Encoded[];
}

/** A function exported by a module: the receiving thread imports `url` and takes `exportName`. */
export interface ModuleEntry {
  readonly k: 'module';
  readonly url: string;
  readonly exportName: string;
}

/** A built-in function of the runtime, found again by its path from `globalThis` (e.g. `Math.sqrt`). */
export interface GlobalEntry {
  readonly k: 'global';
  readonly path: string;
}

/**
 * An encoded captured value. Data that holds no function travels as is (`v`); containers that hold
 * functions are spelled out so the functions can be rebuilt and put back in place. `id`s make shared
 * references and cycles between such containers come back as shared references and cycles.
 */
export type Encoded =
  | { readonly t: 'v'; readonly v: unknown }
  | { readonly t: 'f'; readonly i: number }
  | { readonly t: 'h'; readonly name: ToolHelperName }
  | { readonly t: 'r'; readonly id: number }
  | { readonly t: 'a'; readonly id: number; readonly items: readonly Encoded[] }
  | {
      readonly t: 'o';
      readonly id: number;
      readonly nullProto: boolean;
      readonly keys: readonly string[];
      readonly vals: readonly Encoded[];
    }
  | { readonly t: 'm'; readonly id: number; readonly keys: readonly Encoded[]; readonly vals: readonly Encoded[] }
  | { readonly t: 's'; readonly id: number; readonly items: readonly Encoded[] }
  | { readonly t: 'b'; readonly id: number; readonly bytes: Uint8Array }
  /** An engine handle (see handles.ts), rebuilt by the loader registered for its kind. */
  | { readonly t: 'x'; readonly id: number; readonly ref: HandleRef };

/** Helpers injected by build tools that are replaced by a local shim on the loading side. */
export type ToolHelperName = '__name';
