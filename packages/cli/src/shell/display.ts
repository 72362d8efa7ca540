import { inspect } from 'node:util';
import { RDD } from '@kindling/core';
import { Column, DataFrame, StructType } from '@kindling/sql';

export interface DisplayOptions {
  colors: boolean;
  /** Terminal width, for wrapping lists. */
  columns: number;
  /** Rows a DataFrame shows (Spark's show default: 20). */
  rows: number;
}

/** Spark's one-line DataFrame description: `DataFrame[name: string, age: int]`. */
export function describeDataFrame(df: DataFrame): string {
  return `DataFrame[${df.dtypes.map(([n, t]) => `${n}: ${t}`).join(', ')}]`;
}

/**
 * A cell's value as the shell shows it: a DataFrame as its schema line and its first rows as Spark's table (this
 * runs a job, as in a notebook), an RDD as Spark's description (no job), a schema as printSchema's tree, numbers and
 * bigints plainly, anything else (arrays from actions, rows, objects) as Node's inspect. `undefined` shows nothing.
 */
export async function display(value: unknown, opts: DisplayOptions): Promise<string | null> {
  if (value === undefined) return null;
  if (value instanceof DataFrame) {
    const table = value.columns.length ? await value.showString(opts.rows, 20) : '';
    return `${describeDataFrame(value)}\n${table}`.replace(/\n$/, '');
  }
  if (value instanceof RDD) return value.toString();
  if (value instanceof StructType) return value.treeString().replace(/\n$/, '');
  if (value instanceof Column) return value.toString();
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return inspect(value, { colors: opts.colors, depth: 4, maxArrayLength: 100, breakLength: Math.max(40, opts.columns) });
}
