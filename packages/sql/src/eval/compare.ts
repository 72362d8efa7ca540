import type { DataType } from '../types/data-types.js';
import { ArrayType, MapType, StructType, kindOf } from './types.js';
import type { MapValue } from './vec-util.js';

/**
 * Ordering and equality of non-null slot values, as Spark orders them: NaN is larger than any other double and
 * equal to itself, -0.0 equals 0.0; strings compare by UTF-16 code units (Spark: UTF-8 bytes — they differ only
 * between U+E000–U+FFFF and characters beyond U+FFFF); binary unsigned bytewise; arrays and structs element by
 * element with null first; maps are not comparable (only equality, order-sensitive as Spark).
 */
export type Comparator = (a: any, b: any) => number;

export function compareDoubles(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  if (a === b) return 0;
  const an = a !== a;
  const bn = b !== b;
  return an === bn ? 0 : an ? 1 : -1;
}

export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

const prim: Comparator = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

export function comparatorFor(t: DataType): Comparator {
  switch (kindOf(t)) {
    case 'float':
    case 'double':
      return compareDoubles;
    case 'binary':
      return compareBytes;
    case 'array': {
      const el = comparatorFor((t as ArrayType).elementType);
      return (a: unknown[], b: unknown[]) => {
        const n = Math.min(a.length, b.length);
        for (let i = 0; i < n; i++) {
          const x = a[i];
          const y = b[i];
          if (x === null || y === null) {
            if (x === y) continue;
            return x === null ? -1 : 1;
          }
          const c = el(x, y);
          if (c !== 0) return c;
        }
        return a.length - b.length;
      };
    }
    case 'struct': {
      const fs = (t as StructType).fields.map((f) => comparatorFor(f.dataType));
      return (a: unknown[], b: unknown[]) => {
        for (let i = 0; i < fs.length; i++) {
          const x = a[i];
          const y = b[i];
          if (x === null || y === null) {
            if (x === y) continue;
            return x === null ? -1 : 1;
          }
          const c = fs[i]!(x, y);
          if (c !== 0) return c;
        }
        return 0;
      };
    }
    case 'map': {
      const mt = t as MapType;
      const kc = comparatorFor(mt.keyType);
      const vc = comparatorFor(mt.valueType);
      return (a: MapValue, b: MapValue) => {
        const n = Math.min(a.keys.length, b.keys.length);
        for (let i = 0; i < n; i++) {
          const c = kc(a.keys[i], b.keys[i]);
          if (c !== 0) return c;
          const x = a.values[i];
          const y = b.values[i];
          if (x === null || y === null) {
            if (x === y) continue;
            return x === null ? -1 : 1;
          }
          const d = vc(x, y);
          if (d !== 0) return d;
        }
        return a.keys.length - b.keys.length;
      };
    }
    default:
      return prim;
  }
}

export type Equality = (a: any, b: any) => boolean;

const primEq: Equality = (a, b) => a === b;
const doubleEq: Equality = (a, b) => a === b || (a !== a && b !== b);

export function equalityFor(t: DataType): Equality {
  switch (kindOf(t)) {
    case 'float':
    case 'double':
      return doubleEq;
    case 'binary':
    case 'array':
    case 'struct':
    case 'map': {
      const c = comparatorFor(t);
      return (a, b) => c(a, b) === 0;
    }
    default:
      return primEq;
  }
}

/** A key for hashing a slot value by value (Set/Map lookups): primitives as they are, others as text. */
export function hashKeyFor(t: DataType): (v: any) => unknown {
  const k = kindOf(t);
  if (k === 'binary' || k === 'array' || k === 'struct' || k === 'map') return (v) => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? `${x}n` : x instanceof Uint8Array ? Array.from(x) : x));
  if (k === 'float' || k === 'double') return (v: number) => (v === 0 ? 0 : v); // -0 → 0; NaN is one key in a Set
  return (v) => v;
}

export { ArrayType, MapType, StructType };
