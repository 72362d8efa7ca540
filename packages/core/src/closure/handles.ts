/**
 * Engine handles: objects that a shipped function may capture although they are class instances, because they
 * know how to travel by reference. Broadcast variables and accumulators are handles.
 *
 * The protocol is small and general:
 * - on the sending side, a handle has a method under the well-known symbol `SHIP_HANDLE` that returns a
 *   `HandleRef`: a loader `kind` and plain `data` (anything `structuredClone` copies). It may throw (a destroyed
 *   broadcast, an unregistered accumulator); `shipFunction` then fails with the handle's error code, naming the
 *   captured variable and where the function uses it.
 * - on the receiving thread, `registerHandleLoader(kind, loader)` (done by the module that defines the handle
 *   class, which the engine imports in every thread) turns `data` back into an object; `loadFunction` calls it
 *   when it rebuilds the function.
 *
 * The data is read when the transformation is defined, like every captured value. A handle captured twice by one
 * function graph is loaded once.
 */
import { ClosureError } from '../errors.js';
import { SHIPPED_FORMAT, type ShippedFunction } from './types.js';

/** The method a handle implements to ship by reference. `Symbol.for`, so every copy of the engine agrees. */
export const SHIP_HANDLE: unique symbol = Symbol.for('kindling.closure.shipHandle') as never;

/** What a handle ships as: the loader to use on the receiving thread and plain data for it. */
export interface HandleRef {
  /** Name of the loader registered with `registerHandleLoader` (for example `kindling.broadcast`). */
  readonly kind: string;
  /** Plain data: copied with the shipped function. */
  readonly data: unknown;
  /** Modules the loader needs imported (`preloadModules`) before it runs, e.g. those of shipped functions in `data`. */
  readonly modules?: readonly string[];
}

/** An object that ships by reference. */
export interface EngineHandle {
  [SHIP_HANDLE](): HandleRef;
}

export type HandleLoader = (data: unknown) => unknown;

const loaders = new Map<string, HandleLoader>();

/** Registers how handles of `kind` are rebuilt in this thread. Registering a kind again replaces its loader. */
export function registerHandleLoader(kind: string, loader: HandleLoader): void {
  loaders.set(kind, loader);
}

export function isEngineHandle(value: object): value is EngineHandle {
  return typeof (value as Partial<EngineHandle>)[SHIP_HANDLE] === 'function';
}

/** Rebuilds a handle in this thread (called by `loadFunction`). */
export function loadHandle(ref: HandleRef, op: string): unknown {
  const loader = loaders.get(ref.kind);
  if (!loader) {
    throw new ClosureError(
      'CLOSURE_LOAD_FAILED',
      `The function passed to ${op} captures an engine handle of kind '${ref.kind}', but no loader for that kind is ` +
        'registered in this thread. Import the module that defines it before loading the function.',
    );
  }
  return loader(ref.data);
}

/** The handles a shipped function captures (directly or through captured functions), in the order found. */
export function handlesOf(shipped: ShippedFunction): HandleRef[] {
  return [...(shipped.handles ?? [])];
}

/** Whether `value` is the result of `shipFunction` (as found inside a handle's data, for example). */
export function isShippedFunction(value: unknown): value is ShippedFunction {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === SHIPPED_FORMAT;
}
