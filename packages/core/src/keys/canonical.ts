import { keyKind } from './kind.js';

/**
 * A string that is equal for two keys exactly when the keys are equal by value. Used to look up composite keys
 * (arrays, objects, dates, bigints) in a JS Map, which otherwise compares objects by identity.
 */
export function canonicalKey(key: unknown): string {
  switch (keyKind(key)) {
    case 'nullish':
      return key === null ? 'N' : 'U';
    case 'boolean':
      return key ? 'T' : 'F';
    case 'number': {
      const n = key as number;
      return 'n' + (n === 0 ? '0' : String(n));
    }
    case 'bigint':
      return 'b' + (key as bigint).toString();
    case 'string':
      return 's' + JSON.stringify(key);
    case 'date':
      return 'd' + (key as Date).getTime();
    case 'array':
      return '[' + (key as unknown[]).map(canonicalKey).join(',') + ']';
    case 'object': {
      const obj = key as Record<string, unknown>;
      const names = Object.keys(obj).sort();
      return '{' + names.map((n) => JSON.stringify(n) + ':' + canonicalKey(obj[n])).join(',') + '}';
    }
  }
}

/** Equality of keys by value (arrays element-wise, plain objects by their own keys in any order). */
export function keyEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
  }
  return canonicalKey(a) === canonicalKey(b);
}
