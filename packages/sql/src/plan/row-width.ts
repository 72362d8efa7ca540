import { ArrayType, DataType, DecimalType, MapType, StructType } from '../types/data-types.js';
import type { Attribute } from '../analysis/attribute.js';

/*
 * Spark's DataType.defaultSize and EstimationUtils.getSizePerRow: the width a size estimate gives a value and a
 * row when nothing better is known. Only ratios of these matter here: an operator's output is sized as its
 * input's estimate times (output row width ÷ input row width), as Spark's size-only statistics do, so a
 * projection of three of sixteen columns is not taken to be as big as the table.
 */

/** Spark's defaultSize of a value of type `t`. */
export function defaultSize(t: DataType): number {
  if (t instanceof DecimalType) return t.precision <= 18 ? 8 : 16;
  if (t instanceof ArrayType) return defaultSize(t.elementType);
  if (t instanceof MapType) return defaultSize(t.keyType) + defaultSize(t.valueType);
  if (t instanceof StructType) return t.fields.reduce((s, f) => s + defaultSize(f.dataType), 0);
  switch (t.typeName) {
    case 'boolean':
    case 'tinyint':
    case 'void':
      return 1;
    case 'smallint':
      return 2;
    case 'int':
    case 'float':
    case 'date':
      return 4;
    case 'string':
      return 20;
    case 'binary':
      return 100;
    default:
      return 8; // bigint, double, timestamp, intervals
  }
}

/** Spark's getSizePerRow: a row header of 8 bytes plus each column's default size. */
export function rowWidth(columns: readonly Pick<Attribute, 'type'>[]): number {
  return 8 + columns.reduce((s, c) => s + defaultSize(c.type), 0);
}
