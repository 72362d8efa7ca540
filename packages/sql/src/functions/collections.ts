import { ArrayType, BooleanType, IntegerType, MapType, NullType, StructField, StructType, type DataType } from '../types/data-types.js';
import { castToString } from '../eval/cast.js';
import { commonType, widerType } from '../eval/coercion.js';
import { equalityFor, hashKeyFor } from '../eval/compare.js';
import {
  SqlError,
  datatypeMismatch,
  duplicatedMapKey,
  invalidArrayIndex,
  invalidIndexOfZero,
  nullMapKey,
} from '../eval/errors.js';
import { kindOf, sqlTypeName } from '../eval/types.js';
import { allocValues, type MapValue } from '../eval/vec-util.js';
import type { Vec } from '../eval/vec.js';
import { define, expectArg, mapRows, typeMismatch } from './helpers.js';

/** Collection functions: array, size/cardinality, array_contains, struct, named_struct, map, element_at, try_element_at. */

function common(fn: string, types: DataType[]): DataType {
  const t = commonType(types);
  if (!t) {
    throw datatypeMismatch(
      'DATA_DIFF_TYPES',
      `"${fn}(...)"`,
      `Input to \`${fn}\` should all be the same type, but it's [${types.map((x) => `"${sqlTypeName(x)}"`).join(', ')}].`,
    );
  }
  return t;
}

define({
  name: 'array',
  args: [0, Infinity],
  resolve(types) {
    const t = common('array', types);
    return { returnType: new ArrayType(t, true), argTypes: types.map(() => t) };
  },
  evaluate(args, n, rt) {
    const out = new Array<unknown[]>(n);
    const k = args.length;
    for (let i = 0; i < n; i++) {
      const row = new Array(k);
      for (let j = 0; j < k; j++) {
        const a = args[j]!;
        row[j] = a.nulls !== null && a.nulls[i] === 1 ? null : a.values[i];
      }
      out[i] = row;
    }
    return { type: rt, length: n, values: out, nulls: null };
  },
});

define({
  name: 'size',
  aliases: ['cardinality', 'array_size'],
  args: [1, 1],
  resolve(types) {
    const k = kindOf(types[0]!);
    if (k !== 'array' && k !== 'map' && k !== 'null') throw typeMismatch('size', 0, '("ARRAY" or "MAP")', types[0]!);
    return { returnType: IntegerType, argTypes: [types[0]!] };
  },
  evaluate(args, n, rt) {
    if (kindOf(args[0]!.type) === 'map') return mapRows(args, n, rt, (m: MapValue) => m.keys.length);
    return mapRows(args, n, rt, (a: unknown[]) => a.length);
  },
});

define({
  name: 'array_contains',
  args: [2, 2],
  resolve(types) {
    const [at, vt] = types as [DataType, DataType];
    if (kindOf(at) === 'null' || kindOf(vt) === 'null') {
      throw datatypeMismatch('NULL_TYPE', '"array_contains(...)"', 'Null typed values cannot be used as arguments of `array_contains`.');
    }
    if (kindOf(at) !== 'array') throw typeMismatch('array_contains', 0, '"ARRAY"', at);
    const t = widerType((at as ArrayType).elementType, vt, false);
    if (!t) {
      throw datatypeMismatch(
        'ARRAY_FUNCTION_DIFF_TYPES',
        '"array_contains(...)"',
        `Input to \`array_contains\` should have been "ARRAY" followed by a value with same element type, but it's ["${sqlTypeName(at)}", "${sqlTypeName(vt)}"].`,
      );
    }
    return { returnType: BooleanType, argTypes: [new ArrayType(t, (at as ArrayType).containsNull), t] };
  },
  evaluate(args, n, rt) {
    const eq = equalityFor((args[0]!.type as ArrayType).elementType);
    return mapRows(args, n, rt, (arr: unknown[], v: unknown) => {
      let sawNull = false;
      for (const x of arr) {
        if (x === null) sawNull = true;
        else if (eq(x, v)) return 1;
      }
      return sawNull ? null : 0;
    });
  },
});

/**
 * struct(a, b, …): fields are named col1, col2, … here; the analyzer names them after the argument columns as
 * Spark does (the returnType it binds decides the names).
 */
define({
  name: 'struct',
  args: [0, Infinity],
  resolve(types) {
    return { returnType: new StructType(types.map((t, i) => new StructField(`col${i + 1}`, t, true))), argTypes: types };
  },
  evaluate: packStruct,
});

function packStruct(args: Vec[], n: number, rt: DataType): Vec {
  const out = new Array<unknown[]>(n);
  const k = args.length;
  for (let i = 0; i < n; i++) {
    const row = new Array(k);
    for (let j = 0; j < k; j++) {
      const a = args[j]!;
      row[j] = a.nulls !== null && a.nulls[i] === 1 ? null : a.values[i];
    }
    out[i] = row;
  }
  return { type: rt, length: n, values: out, nulls: null };
}

/** named_struct('a', x, 'b', y): the names must be string literals. */
define({
  name: 'named_struct',
  args: [0, Infinity],
  resolve(types, literals) {
    if (types.length % 2 !== 0) {
      throw new SqlError('WRONG_NUM_ARGS.WITHOUT_SUGGESTION', `The \`named_struct\` requires an even number of parameters but the actual number is ${types.length}.`, {
        sqlState: '42605',
      });
    }
    const fields: StructField[] = [];
    for (let i = 0; i < types.length; i += 2) {
      const name = literals[i];
      if (typeof name !== 'string') {
        throw datatypeMismatch('CREATE_NAMED_STRUCT_WITHOUT_FOLDABLE_STRING', '"named_struct(...)"', 'Only foldable `STRING` expressions are allowed to appear at odd position.');
      }
      fields.push(new StructField(name, types[i + 1]!, true));
    }
    return { returnType: new StructType(fields), argTypes: types };
  },
  evaluate(args, n, rt) {
    return packStruct(
      args.filter((_, i) => i % 2 === 1),
      n,
      rt,
    );
  },
});

define({
  name: 'map',
  args: [0, Infinity],
  resolve(types) {
    if (types.length % 2 !== 0) {
      throw new SqlError('WRONG_NUM_ARGS.WITHOUT_SUGGESTION', `The \`map\` requires an even number of parameters but the actual number is ${types.length}.`, {
        sqlState: '42605',
      });
    }
    const kt = common('map', types.filter((_, i) => i % 2 === 0));
    const vt = common('map', types.filter((_, i) => i % 2 === 1));
    if (kindOf(kt) === 'map') throw datatypeMismatch('INVALID_MAP_KEY_TYPE', '"map(...)"', `The key of map cannot be/contain "${sqlTypeName(kt)}".`);
    return { returnType: new MapType(kt, vt, true), argTypes: types.map((_, i) => (i % 2 === 0 ? kt : vt)) };
  },
  evaluate(args, n, rt) {
    const mt = rt as MapType;
    const key = hashKeyFor(mt.keyType);
    const show = castToString(mt.keyType);
    const out = new Array<MapValue>(n);
    for (let i = 0; i < n; i++) {
      const keys: unknown[] = [];
      const values: unknown[] = [];
      const seen = new Set<unknown>();
      for (let j = 0; j + 1 < args.length; j += 2) {
        const k = args[j]!;
        const v = args[j + 1]!;
        if (k.nulls !== null && k.nulls[i] === 1) throw nullMapKey();
        const kv = k.values[i];
        const h = key(kv);
        if (seen.has(h)) throw duplicatedMapKey(show(kv));
        seen.add(h);
        keys.push(kv);
        values.push(v.nulls !== null && v.nulls[i] === 1 ? null : v.values[i]);
      }
      out[i] = { keys, values };
    }
    return { type: rt, length: n, values: out, nulls: null };
  },
});

/**
 * Argument and result types of an element lookup in an array (by an int index) or a map (by a key of the map's key
 * type, widened as Spark does); `badBase` is the error for any other container type.
 */
export function elementLookupTypes(
  name: string,
  ct: DataType,
  it: DataType,
  badBase: (ct: DataType) => Error,
): { returnType: DataType; argTypes: DataType[] } {
  const k = kindOf(ct);
  if (k === 'array') {
    const ik = kindOf(it);
    if (ik !== 'byte' && ik !== 'short' && ik !== 'int' && ik !== 'null') throw typeMismatch(name, 1, '"INT"', it);
    return { returnType: (ct as ArrayType).elementType, argTypes: [ct, IntegerType] };
  }
  if (k === 'map') {
    const mt = ct as MapType;
    const kt = widerType(mt.keyType, it, false) ?? expectArg(name, 1, it, mt.keyType);
    return { returnType: mt.valueType, argTypes: [new MapType(kt, mt.valueType, mt.valueContainsNull), kt] };
  }
  if (k === 'null') return { returnType: NullType, argTypes: [ct, it] };
  throw badBase(ct);
}

/** The value of `key` in a map of the given key type, or null when it is missing (a linear scan, as Spark's). */
export function mapValueOf(keyType: DataType): (m: MapValue, key: unknown) => unknown {
  const eq = equalityFor(keyType);
  return (m, key) => {
    for (let j = 0; j < m.keys.length; j++) if (eq(m.keys[j], key)) return m.values[j];
    return null;
  };
}

function elementAt(name: string, ansi: boolean) {
  define({
    name,
    args: [2, 2],
    resolve([ct, it]) {
      return elementLookupTypes(name, ct!, it!, (t) => typeMismatch(name, 0, '("ARRAY" or "MAP")', t));
    },
    evaluate(args, n, rt) {
      const c = args[0]!;
      if (kindOf(c.type) === 'map') return lookupEach(args, n, rt, mapValueOf((c.type as MapType).keyType));
      return lookupEach(args, n, rt, (a: unknown[], idx: number) => {
        if (idx === 0) throw invalidIndexOfZero();
        const j = idx > 0 ? idx - 1 : a.length + idx;
        if (j < 0 || j >= a.length) {
          if (ansi) throw invalidArrayIndex(idx, a.length, true);
          return null;
        }
        return a[j];
      });
    },
  });
}

/**
 * Applies `fn` to each row's (container, key) pair: a NULL container or key gives NULL, and so does `fn` returning
 * null or undefined; the result may be any slot (including nested values of the element type).
 */
export function lookupEach(args: Vec[], n: number, rt: DataType, fn: (container: any, key: any) => unknown): Vec {
  const out = allocValues(rt, n);
  let nulls: Uint8Array | null = null;
  const [a, b] = args as [Vec, Vec];
  for (let i = 0; i < n; i++) {
    if ((a.nulls !== null && a.nulls[i] === 1) || (b.nulls !== null && b.nulls[i] === 1)) {
      (nulls ??= new Uint8Array(n))[i] = 1;
      continue;
    }
    const r = fn(a.values[i], b.values[i]);
    if (r === null || r === undefined) (nulls ??= new Uint8Array(n))[i] = 1;
    else out[i] = r;
  }
  return { type: rt, length: n, values: out, nulls };
}

elementAt('element_at', true);
elementAt('try_element_at', false);


