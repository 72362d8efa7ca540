import { KeyError } from '../errors.js';
import { describeKind } from './describe.js';

/** Which rule a key follows for equality, hashing and ordering. */
export type KeyKind = 'nullish' | 'boolean' | 'number' | 'bigint' | 'string' | 'date' | 'array' | 'object';

export function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function keyKind(key: unknown): KeyKind {
  switch (typeof key) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'bigint':
      return 'bigint';
    case 'undefined':
      return 'nullish';
    case 'object':
      if (key === null) return 'nullish';
      if (Array.isArray(key)) return 'array';
      if (key instanceof Date) return 'date';
      if (isPlainObject(key)) return 'object';
      break;
  }
  throw new KeyError(
    'KEY_NOT_COMPARABLE',
    `A key is ${describeKind(key)}, which cannot be compared by value. Keys may be numbers, strings, bigints, ` +
      'booleans, null, Dates, arrays or plain objects of these. Map the key to one of those first, ' +
      'for example with keyBy(x => x.id) or map(([k, v]) => [String(k), v]).',
  );
}
