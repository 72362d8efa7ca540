/**
 * Shipping functions to worker threads, the way Spark ships closures: `shipFunction` turns a function and the
 * values it captures into plain data when a transformation is defined (and fails then, with a message that says
 * what, where and how to fix it); `loadFunction` rebuilds it in any thread. See docs/CLOSURES.md.
 */
export type { ShippedFunction } from './types.js';
export { shipFunction, moduleUrlsOf } from './ship.js';
export { loadFunction } from './load.js';
export { moduleFunction, preloadModules } from './module-function.js';
export {
  SHIP_HANDLE,
  registerHandleLoader,
  handlesOf,
  isShippedFunction,
  isEngineHandle,
  type EngineHandle,
  type HandleRef,
  type HandleLoader,
} from './handles.js';
