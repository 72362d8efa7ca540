import { loadFunction, moduleUrlsOf, shipFunction, type ShippedFunction } from '../closure/index.js';

// Functions inside lineage parameters are stored in this wrapper so that the generic walkers below can find them
// without each operation describing its own fields. The key cannot collide with a user's data by accident.
const FN = '\u0000kindling.fn';

export interface FnParam {
  readonly [FN]: ShippedFunction;
}

/** Ships a user function for a transformation (throws ClosureError now, at definition time). */
export function fnParam(fn: unknown, op: string): FnParam {
  if (typeof fn !== 'function') {
    throw new TypeError(`${op}: expected a function, got ${fn === null ? 'null' : typeof fn}`);
  }
  return { [FN]: shipFunction(fn, op) };
}

export function isFnParam(v: unknown): v is FnParam {
  return typeof v === 'object' && v !== null && FN in v;
}

export function shippedOf(p: FnParam): ShippedFunction {
  return p[FN];
}

/** Replaces every FnParam in a parameter tree by the rebuilt function. Only arrays and plain objects are walked. */
export function loadParams<T>(value: T): T {
  if (isFnParam(value)) return loadFunction(value[FN]) as T;
  if (Array.isArray(value)) return value.map(loadParams) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = loadParams(v);
    return out as T;
  }
  return value;
}

/** Every module URL that functions in a parameter tree import by reference. */
export function moduleUrlsIn(value: unknown, out = new Set<string>()): Set<string> {
  if (isFnParam(value)) {
    for (const u of moduleUrlsOf(value[FN])) out.add(u);
  } else if (Array.isArray(value)) {
    for (const v of value) moduleUrlsIn(v, out);
  } else if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const v of Object.values(value)) moduleUrlsIn(v, out);
  }
  return out;
}
