import type { MapType, StructType } from '../types/data-types.js';
import { SqlError, invalidArrayIndex, invalidExtractBase } from '../eval/errors.js';
import { kindOf, sqlTypeName } from '../eval/types.js';
import { allocValues } from '../eval/vec-util.js';
import type { Vec } from '../eval/vec.js';
import { FIELD, SUBSCRIPT } from '../expr/ast.js';
import { elementLookupTypes, lookupEach, mapValueOf } from './collections.js';
import { define, typeMismatch } from './helpers.js';

/**
 * Extracting a value from a nested one: `a[i]` (array element, 0-based), `m[k]` (map value), `s.f` (struct field),
 * and Spark's `get(array, i)`. The subscript and field access are operators in SQL, registered here under the
 * operator's own spelling ('[]', '.') so that no SQL function name is taken; expr/ast.ts prints them as operators.
 */

/** `a[i]` / `m[k]`: arrays are 0-based and, under ANSI, an index out of bounds is an error; a missing map key is NULL. */
define({
  name: SUBSCRIPT,
  args: [2, 2],
  resolve([ct, it]) {
    return elementLookupTypes(SUBSCRIPT, ct!, it!, (t) => invalidExtractBase(null, t));
  },
  evaluate(args, n, rt) {
    const c = args[0]!;
    if (kindOf(c.type) === 'map') return lookupEach(args, n, rt, mapValueOf((c.type as MapType).keyType));
    return lookupEach(args, n, rt, (a: unknown[], idx: number) => {
      if (idx < 0 || idx >= a.length) throw invalidArrayIndex(idx, a.length, false);
      return a[idx];
    });
  },
});

/** get(array, i): 0-based like `a[i]`, but an index out of bounds gives NULL. */
define({
  name: 'get',
  args: [2, 2],
  resolve([ct, it]) {
    const k = kindOf(ct!);
    if (k !== 'array' && k !== 'null') throw typeMismatch('get', 0, '"ARRAY"', ct!);
    return elementLookupTypes('get', ct!, it!, (t) => invalidExtractBase(null, t));
  },
  evaluate(args, n, rt) {
    return lookupEach(args, n, rt, (a: unknown[], idx: number) => (idx < 0 || idx >= a.length ? null : a[idx]));
  },
});

/** The ordinal of `field` in a struct type, matched case-insensitively as Spark resolves names. */
export function structFieldOrdinal(t: StructType, field: string): number {
  const lower = field.toLowerCase();
  const hits = t.fields.flatMap((f, i) => (f.name.toLowerCase() === lower ? [i] : []));
  if (hits.length === 1) return hits[0]!;
  if (hits.length > 1) {
    throw new SqlError('AMBIGUOUS_REFERENCE_TO_FIELDS', `Ambiguous reference to the field \`${field}\`. It appears ${hits.length} times in the schema.`, {
      sqlState: '42000',
    });
  }
  throw new SqlError('FIELD_NOT_FOUND', `No such struct field \`${field}\` in ${t.fields.map((f) => `\`${f.name}\``).join(', ')}.`, { sqlState: '42704' });
}

/** `s.f`: the field of a struct, named by a string literal; NULL when the struct is NULL. */
define({
  name: FIELD,
  args: [2, 2],
  resolve([st, nt], literals) {
    if (kindOf(st!) !== 'struct') throw invalidExtractBase(null, st!);
    const name = literals[1];
    if (typeof name !== 'string') throw typeMismatch(FIELD, 1, 'a string literal (the field name) of', nt!);
    const t = st as StructType;
    return { returnType: t.fields[structFieldOrdinal(t, name)]!.dataType, argTypes: [st!, nt!] };
  },
  evaluate(args, n, rt) {
    const [s, name] = args as [Vec, Vec];
    const t = s.type as StructType;
    let ordinal = -1;
    const out = allocValues(rt, n);
    let nulls: Uint8Array | null = null;
    for (let i = 0; i < n; i++) {
      const row = s.nulls !== null && s.nulls[i] === 1 ? null : (s.values[i] as unknown[] | null);
      if (row === null || row === undefined) {
        (nulls ??= new Uint8Array(n))[i] = 1;
        continue;
      }
      if (ordinal < 0) ordinal = structFieldOrdinal(t, name.values[i] as string);
      const v = row[ordinal];
      if (v === null || v === undefined) (nulls ??= new Uint8Array(n))[i] = 1;
      else out[i] = v;
    }
    return { type: rt, length: n, values: out, nulls };
  },
});
