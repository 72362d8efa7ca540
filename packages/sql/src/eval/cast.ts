import { intervalText } from './interval.js';
import type { DayTimeIntervalType, YearMonthIntervalType } from '../types/data-types.js';
import { DecimalType, type DataType } from '../types/data-types.js';
import { divPow10HalfUp, exactDecimalVec, exactOf, MAX_EXACT, MAX_EXACT_POW, POW10_NUM, retype } from './exact-decimal.js';
import { decimalFromNumber, decimalToNumber, decimalToString, digitCount, fitsPrecision, parseDecimal, pow10, rescale, rescaleDown } from './decimal.js';
import { formatDate, formatTimestamp, MICROS_PER_SECOND, microsToDays, stringToDate, stringToTimestamp, daysToMicros } from './datetime.js';
import { castInvalidInput, castOverflow, datatypeMismatch, numericValueOutOfRange } from './errors.js';
import { formatDouble, formatFloat, parseDouble, parseIntegral, parseLong, trimAll } from './number-format.js';
import { ArrayType, MapType, StructType, kindOf, sameType, sqlTypeName, type Kind } from './types.js';
import { allocValues, nullVec, type MapValue } from './vec-util.js';
import type { Vec } from './vec.js';

/**
 * CAST between Spark types with ANSI semantics: malformed input raises CAST_INVALID_INPUT, values out of the
 * target's range CAST_OVERFLOW (NUMERIC_VALUE_OUT_OF_RANGE for decimals). With `ansi = false` (try_cast) those
 * rows become NULL. Which casts exist at all is `canCast` in coercion.ts; casts it rejects throw here too.
 */

/** Converts one non-null slot value; returns null for a NULL result (only when not ANSI). */
export type SlotConverter = (v: any) => any;

const MIN_LONG = -(2n ** 63n);
const MAX_LONG = 2n ** 63n - 1n;
const TWO_63 = 9223372036854775808;

const RANGE: Partial<Record<Kind, [number, number]>> = {
  byte: [-128, 127],
  short: [-32768, 32767],
  int: [-2147483648, 2147483647],
};

/** Spark's SQL literal text of a value, as error messages show it (3000000000L, 1.0E20D, 'abc', 12.5BD). */
export function sqlLiteral(v: any, t: DataType): string {
  switch (kindOf(t)) {
    case 'string':
      return `'${String(v).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
    case 'long':
      return `${v}L`;
    case 'short':
      return `${v}S`;
    case 'byte':
      return `${v}Y`;
    case 'double':
      return Number.isFinite(v) ? `${formatDouble(v)}D` : formatDouble(v);
    case 'float':
      return Number.isFinite(v) ? `${formatFloat(v)}F` : formatFloat(v);
    case 'decimal':
      return `${decimalToString(v, (t as DecimalType).scale)}BD`;
    case 'boolean':
      return v ? 'true' : 'false';
    case 'date':
      return `DATE '${formatDate(v)}'`;
    case 'timestamp':
      return `TIMESTAMP '${formatTimestamp(v)}'`;
    default:
      return castToString(t)(v);
  }
}

const TRUE_STRINGS = new Set(['t', 'true', 'y', 'yes', '1']);
const FALSE_STRINGS = new Set(['f', 'false', 'n', 'no', '0']);
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The converter for one pair of types. */
export function slotConverter(from: DataType, to: DataType, ansi: boolean): SlotConverter {
  if (sameType(from, to)) return (v) => v;
  const fk = kindOf(from);
  const tk = kindOf(to);
  const invalid = (v: any) => {
    if (ansi) throw castInvalidInput(sqlLiteral(v, from), from, to);
    return null;
  };
  const overflow = (v: any) => {
    if (ansi) throw castOverflow(sqlLiteral(v, from), from, to);
    return null;
  };
  const outOfRange = (text: string) => {
    if (ansi) throw numericValueOutOfRange(text, (to as DecimalType).precision, (to as DecimalType).scale);
    return null;
  };
  if (tk === 'string') return castToString(from);
  if (fk === 'null') return () => null;
  // Between intervals of one family: the value is kept down to the target's last field (Spark truncates).
  if (fk === 'interval_ym' && tk === 'interval_ym') {
    return (to as YearMonthIntervalType).endField === 0 ? (v: number) => Math.trunc(v / 12) * 12 : (v: number) => v;
  }
  if (fk === 'interval_dt' && tk === 'interval_dt') {
    const unit = [86_400_000_000n, 3_600_000_000n, 60_000_000n, 1n][(to as DayTimeIntervalType).endField]!;
    return (v: bigint) => (v / unit) * unit;
  }

  switch (fk) {
    case 'byte':
    case 'short':
    case 'int':
      switch (tk) {
        case 'byte':
        case 'short':
        case 'int': {
          const [lo, hi] = RANGE[tk]!;
          return (v: number) => (v < lo || v > hi ? overflow(v) : v);
        }
        case 'long':
          return (v: number) => BigInt(v);
        case 'float':
          return (v: number) => Math.fround(v);
        case 'double':
          return (v: number) => v;
        case 'decimal': {
          const { precision, scale } = to as DecimalType;
          const f = pow10(scale);
          return (v: number) => {
            const r = BigInt(v) * f;
            return fitsPrecision(r, precision) ? r : outOfRange(String(v));
          };
        }
        case 'boolean':
          return (v: number) => (v !== 0 ? 1 : 0);
        case 'timestamp':
          return (v: number) => BigInt(v) * 1_000_000n;
      }
      break;
    case 'long':
      switch (tk) {
        case 'byte':
        case 'short':
        case 'int': {
          const [lo, hi] = RANGE[tk]!;
          const blo = BigInt(lo);
          const bhi = BigInt(hi);
          return (v: bigint) => (v < blo || v > bhi ? overflow(v) : Number(v));
        }
        case 'float':
          return (v: bigint) => Math.fround(Number(v));
        case 'double':
          return (v: bigint) => Number(v);
        case 'decimal': {
          const { precision, scale } = to as DecimalType;
          const f = pow10(scale);
          return (v: bigint) => {
            const r = v * f;
            return fitsPrecision(r, precision) ? r : outOfRange(v.toString());
          };
        }
        case 'boolean':
          return (v: bigint) => (v !== 0n ? 1 : 0);
        case 'timestamp':
          return (v: bigint) => {
            const r = v * 1_000_000n;
            return r < MIN_LONG || r > MAX_LONG ? overflow(v) : r;
          };
      }
      break;
    case 'float':
    case 'double':
      switch (tk) {
        case 'byte':
        case 'short':
        case 'int': {
          const [lo, hi] = RANGE[tk]!;
          return (v: number) => (v !== v || Math.floor(v) > hi || Math.ceil(v) < lo ? overflow(v) : Math.trunc(v));
        }
        case 'long':
          return (v: number) => {
            if (v !== v || Math.floor(v) > TWO_63 || Math.ceil(v) < -TWO_63) return overflow(v);
            const r = BigInt(Math.trunc(v));
            return r > MAX_LONG ? MAX_LONG : r;
          };
        case 'float':
          return (v: number) => Math.fround(v);
        case 'double':
          return (v: number) => v;
        case 'decimal': {
          const { precision, scale } = to as DecimalType;
          return (v: number) => {
            if (!Number.isFinite(v)) return null;
            const r = decimalFromNumber(v, scale);
            if (r === null) return null;
            return fitsPrecision(r, precision) ? r : outOfRange(decimalToString(decimalFromNumber(v, 0) ?? 0n, 0));
          };
        }
        case 'boolean':
          return (v: number) => (v !== 0 ? 1 : 0);
        case 'timestamp':
          return (v: number) => {
            const us = v * MICROS_PER_SECOND;
            if (!Number.isFinite(us) || Math.abs(us) >= TWO_63) {
              if (ansi) throw castOverflow(sqlLiteral(us, from), from, to);
              return null;
            }
            return BigInt(Math.trunc(us));
          };
      }
      break;
    case 'decimal': {
      const fs = (from as DecimalType).scale;
      switch (tk) {
        case 'byte':
        case 'short':
        case 'int': {
          const [lo, hi] = RANGE[tk]!;
          const blo = BigInt(lo);
          const bhi = BigInt(hi);
          return (v: bigint) => {
            const r = rescaleDown(v, fs, 0);
            return r < blo || r > bhi ? overflow(v) : Number(r);
          };
        }
        case 'long':
          return (v: bigint) => {
            const r = rescaleDown(v, fs, 0);
            return r < MIN_LONG || r > MAX_LONG ? overflow(v) : r;
          };
        case 'float':
          return (v: bigint) => Math.fround(decimalToNumber(v, fs));
        case 'double':
          return (v: bigint) => decimalToNumber(v, fs);
        case 'decimal': {
          const { precision, scale } = to as DecimalType;
          return (v: bigint) => {
            const r = rescale(v, fs, scale);
            return fitsPrecision(r, precision) ? r : outOfRange(decimalToString(v, fs));
          };
        }
        case 'boolean':
          return (v: bigint) => (v !== 0n ? 1 : 0);
        case 'timestamp':
          return (v: bigint) => {
            const r = rescaleDown(v, fs, 6);
            return r < MIN_LONG || r > MAX_LONG ? overflow(v) : r;
          };
      }
      break;
    }
    case 'string':
      switch (tk) {
        case 'byte':
        case 'short':
        case 'int': {
          const [lo, hi] = RANGE[tk]!;
          return (v: string) => parseIntegral(v, lo, hi) ?? invalid(v);
        }
        case 'long':
          return (v: string) => parseLong(v) ?? invalid(v);
        case 'float':
          return (v: string) => {
            const d = parseDouble(v);
            return d === null ? invalid(v) : Math.fround(d);
          };
        case 'double':
          return (v: string) => parseDouble(v) ?? invalid(v);
        case 'decimal': {
          const { precision, scale } = to as DecimalType;
          return (v: string) => {
            const p = parseDecimal(trimAll(v));
            if (!p) return invalid(v);
            if (p.unscaled !== 0n && digitCount(p.unscaled) - p.scale > precision - scale) {
              return outOfRange(decimalToString(p.unscaled, Math.max(p.scale, 0)));
            }
            const r = rescale(p.unscaled, p.scale, scale);
            return fitsPrecision(r, precision) ? r : outOfRange(decimalToString(p.unscaled, Math.max(p.scale, 0)));
          };
        }
        case 'boolean':
          return (v: string) => {
            const t = trimAll(v).toLowerCase();
            return TRUE_STRINGS.has(t) ? 1 : FALSE_STRINGS.has(t) ? 0 : invalid(v);
          };
        case 'date':
          return (v: string) => stringToDate(v) ?? invalid(v);
        case 'timestamp':
          return (v: string) => stringToTimestamp(v) ?? invalid(v);
        case 'binary':
          return (v: string) => encoder.encode(v);
      }
      break;
    case 'boolean':
      switch (tk) {
        case 'byte':
        case 'short':
        case 'int':
        case 'float':
        case 'double':
          return (v: number) => v;
        case 'long':
          return (v: number) => BigInt(v);
        case 'decimal': {
          const { precision, scale } = to as DecimalType;
          const one = pow10(scale);
          return (v: number) => (v === 0 ? 0n : fitsPrecision(one, precision) ? one : outOfRange('1'));
        }
      }
      break;
    case 'date':
      if (tk === 'timestamp') return (v: number) => daysToMicros(v);
      break;
    case 'timestamp':
      switch (tk) {
        case 'date':
          return (v: bigint) => microsToDays(v);
        case 'long':
          return (v: bigint) => floorDivBig(v, 1_000_000n);
        case 'byte':
        case 'short':
        case 'int': {
          const [lo, hi] = RANGE[tk]!;
          return (v: bigint) => {
            const s = Number(floorDivBig(v, 1_000_000n));
            return s < lo || s > hi ? overflow(v) : s;
          };
        }
        case 'double':
          return (v: bigint) => Number(v) / MICROS_PER_SECOND;
        case 'float':
          return (v: bigint) => Math.fround(Number(v) / MICROS_PER_SECOND);
        case 'decimal': {
          const { precision, scale } = to as DecimalType;
          return (v: bigint) => {
            const r = rescale(v, 6, scale);
            return fitsPrecision(r, precision) ? r : outOfRange(decimalToString(v, 6));
          };
        }
      }
      break;
    case 'binary':
      break;
    case 'array':
      if (tk === 'array') {
        const el = slotConverter((from as ArrayType).elementType, (to as ArrayType).elementType, ansi);
        return (v: unknown[]) => v.map((x) => (x === null ? null : el(x)));
      }
      break;
    case 'map':
      if (tk === 'map') {
        const kc = slotConverter((from as MapType).keyType, (to as MapType).keyType, ansi);
        const vc = slotConverter((from as MapType).valueType, (to as MapType).valueType, ansi);
        return (v: MapValue) => ({ keys: v.keys.map((x) => kc(x)), values: v.values.map((x) => (x === null ? null : vc(x))) });
      }
      break;
    case 'struct':
      if (tk === 'struct' && (from as StructType).fields.length === (to as StructType).fields.length) {
        const fcs = (from as StructType).fields.map((f, i) => slotConverter(f.dataType, (to as StructType).fields[i]!.dataType, ansi));
        return (v: unknown[]) => v.map((x, i) => (x === null ? null : fcs[i]!(x)));
      }
      break;
  }
  throw castNotSupported(from, to);
}

function floorDivBig(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n ? q - 1n : q;
}

export function castNotSupported(from: DataType, to: DataType) {
  return castTypeError(from, to);
}

function castTypeError(from: DataType, to: DataType) {
  return datatypeMismatch('CAST_WITHOUT_SUGGESTION', `CAST(... AS ${sqlTypeName(to)})`, `cannot cast "${sqlTypeName(from)}" to "${sqlTypeName(to)}".`);
}

/** Slot value → Spark's string form ("1.0E10", "2020-01-01 00:00:00", "[1, null]", "{a -> 1}", "{1, x}"). */
export function castToString(from: DataType): (v: any) => string {
  switch (kindOf(from)) {
    case 'string':
      return (v) => v;
    case 'boolean':
      return (v) => (v ? 'true' : 'false');
    case 'byte':
    case 'short':
    case 'int':
    case 'long':
      return (v) => String(v);
    case 'float':
      return formatFloat;
    case 'double':
      return formatDouble;
    case 'decimal': {
      const s = (from as DecimalType).scale;
      return (v) => decimalToString(v, s);
    }
    case 'date':
      return formatDate;
    case 'timestamp':
      return formatTimestamp;
    case 'binary':
      return (v: Uint8Array) => decoder.decode(v);
    case 'interval_ym':
    case 'interval_dt':
      return (v) => intervalText(v, from);
    case 'null':
      return () => 'null';
    case 'array': {
      const el = castToString((from as ArrayType).elementType);
      return (v: unknown[]) => `[${v.map((x) => (x === null ? 'null' : el(x))).join(', ')}]`;
    }
    case 'map': {
      const kf = castToString((from as MapType).keyType);
      const vf = castToString((from as MapType).valueType);
      return (v: MapValue) => `{${v.keys.map((k, i) => `${kf(k)} -> ${v.values[i] === null ? 'null' : vf(v.values[i])}`).join(', ')}}`;
    }
    case 'struct': {
      const fs = (from as StructType).fields.map((f) => castToString(f.dataType));
      return (v: unknown[]) => `{${v.map((x, i) => (x === null ? 'null' : fs[i]!(x))).join(', ')}}`;
    }
  }
}

/** Casts a column. Types that already match come back unchanged. */
export function castVec(v: Vec, to: DataType, ansi = true): Vec {
  const from = v.type;
  const n = v.length;
  if (sameType(from, to)) return from === to ? v : retype(v, to);
  const fk = kindOf(from);
  const tk = kindOf(to);
  if (fk === 'null') return nullVec(to, n);
  if (fk === 'decimal') {
    const e = exactOf(v);
    const r = e && castExactDecimal(e, v.nulls, n, from as DecimalType, to);
    if (r) return r;
  }
  const src = v.values;
  const nulls = v.nulls;
  // Widening between typed arrays: no checks, no per-row calls.
  if (isWidening(fk, tk)) {
    const out = allocValues(to, n);
    if (tk === 'long') for (let i = 0; i < n; i++) out[i] = BigInt(src[i]);
    else if (fk === 'long') for (let i = 0; i < n; i++) out[i] = Number(src[i]);
    else out.set(src.length === n ? src : (src as any).subarray(0, n));
    return { type: to, length: n, values: out, nulls };
  }
  const conv = slotConverter(from, to, ansi);
  const out = allocValues(to, n);
  let outNulls: Uint8Array | null = nulls ? nulls.slice(0, n) : null;
  for (let i = 0; i < n; i++) {
    if (nulls !== null && nulls[i] === 1) continue;
    const r = conv(src[i]);
    if (r === null) (outNulls ??= new Uint8Array(n))[i] = 1;
    else out[i] = r;
  }
  return { type: to, length: n, values: out, nulls: outNulls };
}

/**
 * Casts of a decimal column in exact form that need no bigints: to another decimal (rescaled, HALF_UP when
 * digits are dropped) while every result is exact and fits, and to double or float (one correctly rounded
 * division, as decimalToNumber). Null when a row needs the general path (to raise or become NULL).
 */
function castExactDecimal(e: Float64Array, nulls: Uint8Array | null, n: number, from: DecimalType, to: DataType): Vec | null {
  const fs = from.scale;
  if (to instanceof DecimalType) {
    const k = to.scale - fs;
    if (k > MAX_EXACT_POW || -k > MAX_EXACT_POW) return null;
    const f = POW10_NUM[Math.abs(k)]!;
    const lim = to.precision <= MAX_EXACT_POW ? POW10_NUM[to.precision]! : Infinity;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      if (nulls !== null && nulls[i] === 1) continue;
      const r = k >= 0 ? e[i]! * f : divPow10HalfUp(e[i]!, f);
      if (!(r < lim && r > -lim && r <= MAX_EXACT && r >= -MAX_EXACT)) return null;
      out[i] = r;
    }
    return exactDecimalVec(to, out, nulls, n);
  }
  const tk = kindOf(to);
  if ((tk === 'double' || tk === 'float') && fs >= 0 && fs <= 22) {
    const out = tk === 'double' ? new Float64Array(n) : new Float32Array(n);
    const d = 10 ** fs;
    for (let i = 0; i < n; i++) out[i] = e[i]! / d;
    return { type: to, length: n, values: out, nulls };
  }
  return null;
}

function isWidening(f: Kind, t: Kind): boolean {
  switch (f) {
    case 'byte':
      return t === 'short' || t === 'int' || t === 'long' || t === 'float' || t === 'double';
    case 'short':
      return t === 'int' || t === 'long' || t === 'float' || t === 'double';
    case 'int':
      return t === 'long' || t === 'float' || t === 'double';
    case 'long':
      return t === 'float' || t === 'double';
    case 'float':
      return t === 'double';
    default:
      return false;
  }
}

/** Casts one slot value (null stays null). */
export function castSlot(v: unknown, from: DataType, to: DataType, ansi = true): unknown {
  if (v === null || v === undefined) return null;
  return slotConverter(from, to, ansi)(v);
}

export { DecimalType };
