import type { RDD } from '@kindling/core';
import { analyze } from '../analysis/analyzer.js';
import type { ResolvedPlan } from '../analysis/resolved.js';
import { explainPlan } from '../plan/explain.js';
import type { Expr } from '../expr/ast.js';
import { vecToValues } from '../eval/arrow-convert.js';
import type { LogicalPlan } from '../plan/logical.js';
import { decode } from '../exec/columnar-batch.js';
import { formatTable, formatVertical, showValue } from '../display/show.js';
import { StructField, StructType, type DataType } from '../types/data-types.js';
import { Column } from './column.js';
import { avg, col, count, least, lit, max, min, stddev, sum } from './functions.js';
import { op } from '../exec/planner.js';
import { parseExpression, parseNamedExpressions } from '../parser/parse.js';
import { parseType } from '../types/parse-type.js';
import type { Session } from './session.js';
import { optimize } from '../optimizer/optimizer.js';
import { hasOuterReference } from '../plan/outer-refs.js';
import { AnalysisError } from '../analysis/errors.js';
import { DataFrameWriter } from './writer.js';
import { decodeBatches } from '../exec/batch-codec.js';
import { plainBatch } from '../exec/dictionary-encode.js';
import { Table } from 'apache-arrow';
import { PendingPivot, PivotedData } from './pivot.js';

export type Row = Record<string, unknown>;
type ColumnArg = Column | string;

const toCol = (c: ColumnArg): Column => (typeof c === 'string' ? col(c) : c);

/**
 * Spark's DataFrame: a logical plan plus the session that runs it. Transformations return new DataFrames (the
 * plan grows); actions analyze, optimize and plan it into RDDs of Arrow batches and run them on the core engine.
 */
export class DataFrame {
  private analyzed: ResolvedPlan | null = null;

  constructor(
    readonly session: Session,
    readonly plan: LogicalPlan,
  ) {}

  private with(plan: LogicalPlan): DataFrame {
    return new DataFrame(this.session, plan);
  }

  /** The analyzed plan; analysis errors surface here, when the DataFrame is defined. */
  resolved(): ResolvedPlan {
    this.analyzed ??= analyze(this.plan);
    return this.analyzed;
  }

  // ---- schema --------------------------------------------------------------------------------------------

  get schema(): StructType {
    return new StructType(this.resolved().output.map((a) => new StructField(a.name, a.type, a.nullable)));
  }
  get columns(): string[] {
    return this.resolved().output.map((a) => a.name);
  }
  get dtypes(): [string, string][] {
    return this.resolved().output.map((a) => [a.name, a.type.simpleString()]);
  }
  printSchema(): void {
    process.stdout.write(this.schema.treeString());
  }

  // ---- transformations (analyzed eagerly so that mistakes fail at the line that makes them) -------------

  private checked(plan: LogicalPlan): DataFrame {
    const df = this.with(plan);
    if (!hasOuterReference(plan)) df.resolved();
    return df;
  }

  select(...cols: (ColumnArg | ColumnArg[])[]): DataFrame {
    const flat = cols.flat().map((c) => toCol(c).expr);
    return this.checked({ kind: 'project', child: this.plan, exprs: flat });
  }

  /** Keeps rows where the condition is true: a Column, or a SQL expression such as "age > 21 AND dept = 'eng'". */
  filter(condition: Column | string): DataFrame {
    const cond = typeof condition === 'string' ? parseExpression(condition) : condition.expr;
    return this.checked({ kind: 'filter', child: this.plan, condition: cond });
  }

  where(condition: Column | string): DataFrame {
    return this.filter(condition);
  }

  /** select with SQL expressions: selectExpr('name', 'age + 1 AS next', 'upper(dept) d'). */
  selectExpr(...exprs: string[]): DataFrame {
    return this.checked({ kind: 'project', child: this.plan, exprs: exprs.flatMap((e) => parseNamedExpressions(e)) });
  }

  withColumn(name: string, c: Column): DataFrame {
    return this.withColumns({ [name]: c });
  }

  /** Adds or replaces columns (replaced ones keep their position). */
  withColumns(cols: Record<string, Column>): DataFrame {
    const names = this.columns;
    const lower = names.map((n) => n.toLowerCase());
    const exprs: Expr[] = names.map((n) => {
      const replaced = Object.entries(cols).find(([k]) => k.toLowerCase() === n.toLowerCase());
      return replaced ? replaced[1].alias(replaced[0]).expr : col(n).expr;
    });
    for (const [k, c] of Object.entries(cols)) if (!lower.includes(k.toLowerCase())) exprs.push(c.alias(k).expr);
    return this.checked({ kind: 'project', child: this.plan, exprs });
  }

  withColumnRenamed(existing: string, newName: string): DataFrame {
    if (!this.columns.some((n) => n.toLowerCase() === existing.toLowerCase())) return this; // as Spark: a no-op
    return this.checked({
      kind: 'project',
      child: this.plan,
      exprs: this.columns.map((n) => (n.toLowerCase() === existing.toLowerCase() ? col(n).alias(newName).expr : col(n).expr)),
    });
  }

  drop(...names: string[]): DataFrame {
    const gone = new Set(names.map((n) => n.toLowerCase()));
    return this.checked({ kind: 'project', child: this.plan, exprs: this.columns.filter((n) => !gone.has(n.toLowerCase())).map((n) => col(n).expr) });
  }

  groupBy(...cols: (ColumnArg | ColumnArg[])[]): GroupedData {
    return new GroupedData(this, cols.flat().map((c) => toCol(c).expr));
  }

  /** Spark's rollup: groups by each prefix of the columns, down to the grand total (rolled-up keys are NULL). */
  rollup(...cols: (ColumnArg | ColumnArg[])[]): GroupedData {
    const keys = cols.flat().map((c) => toCol(c).expr);
    return new GroupedData(this, keys, keys.map((_, i) => keys.slice(0, keys.length - i)).concat([[]]));
  }

  /** Spark's cube: groups by every subset of the columns. */
  cube(...cols: (ColumnArg | ColumnArg[])[]): GroupedData {
    const keys = cols.flat().map((c) => toCol(c).expr);
    const sets: Expr[][] = [];
    // Spark's order: the full set first, then subsets by the binary count of the dropped columns.
    for (let mask = 0; mask < 1 << keys.length; mask++) sets.push(keys.filter((_, i) => !(mask & (1 << (keys.length - 1 - i)))));
    return new GroupedData(this, keys, sets);
  }

  /**
   * GROUPING SETS: `df.groupingSets([['a', 'b'], ['a'], []], 'a', 'b')` groups by each listed set of columns; the
   * grouping columns (`cols`) are the union of the sets, and a set's missing ones are NULL in its rows.
   */
  groupingSets(sets: ColumnArg[][], ...cols: (ColumnArg | ColumnArg[])[]): GroupedData {
    const keys = cols.flat().map((c) => toCol(c).expr);
    return new GroupedData(this, keys, sets.map((s) => s.map((c) => toCol(c).expr)));
  }

  /** This one-column DataFrame as a scalar subquery (Spark 4's DataFrame.scalar()): its single value, or NULL. */
  scalar(): Column {
    return new Column({ kind: 'scalarSubquery', plan: this.plan });
  }

  /** EXISTS over this DataFrame (Spark 4's DataFrame.exists()); use col('x').outer() to correlate it. */
  exists(): Column {
    return new Column({ kind: 'exists', plan: this.plan });
  }

  /** Aggregates over the whole DataFrame: df.agg(max('x')). */
  agg(...exprs: Column[]): DataFrame {
    return this.groupBy().agg(...exprs);
  }

  orderBy(...cols: (ColumnArg | ColumnArg[])[]): DataFrame {
    return this.checked({ kind: 'sort', child: this.plan, orders: cols.flat().map((c) => toCol(c).expr) });
  }

  /** Sorts each partition on its own, without a shuffle (Spark's sortWithinPartitions; SQL SORT BY). */
  sortWithinPartitions(...cols: (ColumnArg | ColumnArg[])[]): DataFrame {
    return this.checked({ kind: 'sort', child: this.plan, orders: cols.flat().map((c) => toCol(c).expr), local: true });
  }

  sort(...cols: (ColumnArg | ColumnArg[])[]): DataFrame {
    return this.orderBy(...cols);
  }

  limit(n: number): DataFrame {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`limit: n must be a non-negative integer, got ${n}`);
    return this.checked({ kind: 'limit', child: this.plan, n });
  }

  /**
   * Joins with another DataFrame. `on`: a column name or names (USING: the columns appear once), or a Column
   * condition. `how`: inner (default), left/left_outer, right/right_outer, full/outer/full_outer,
   * left_semi/semi, left_anti/anti, cross.
   */
  join(other: DataFrame, on?: string | string[] | Column, how: string = 'inner'): DataFrame {
    const kind = joinType(how);
    const using = typeof on === 'string' ? [on] : Array.isArray(on) ? on : null;
    const cond = on instanceof Column ? on.expr : null;
    return this.checked({ kind: 'join', left: this.plan, right: other.plan, how: kind, on: cond, using });
  }

  crossJoin(other: DataFrame): DataFrame {
    return this.checked({ kind: 'join', left: this.plan, right: other.plan, how: 'cross', on: null, using: null });
  }

  /**
   * Wide to long (Spark's unpivot / melt): for each row and each value column, a row of the `ids`, the value
   * column's name in `variableColumnName` and its value in `valueColumnName` (NULL values kept). `values` null or
   * omitted: every column that is not an id. The value columns must share a least common type
   * (UNPIVOT_VALUE_DATA_TYPE_MISMATCH otherwise; strings do not mix with numbers).
   */
  unpivot(ids: ColumnArg | ColumnArg[], values: ColumnArg | ColumnArg[] | null, variableColumnName: string, valueColumnName: string): DataFrame {
    const list = (x: ColumnArg | ColumnArg[]) => (Array.isArray(x) ? x : [x]).map((c) => toCol(c).expr);
    return this.checked({
      kind: 'unpivot',
      child: this.plan,
      ids: list(ids),
      values: values === null ? null : list(values).map((e) => ({ exprs: [e], name: null })),
      variableColumn: variableColumnName,
      valueColumns: [valueColumnName],
      includeNulls: true,
    });
  }

  /** Alias of unpivot (pandas' and PySpark's name). */
  melt(ids: ColumnArg | ColumnArg[], values: ColumnArg | ColumnArg[] | null, variableColumnName: string, valueColumnName: string): DataFrame {
    return this.unpivot(ids, values, variableColumnName, valueColumnName);
  }

  /** Rows of both, by column position (types widened); duplicates kept, as Spark's union (SQL UNION ALL). */
  union(other: DataFrame): DataFrame {
    return this.checked({ kind: 'union', children: [this.plan, other.plan], byName: false, allowMissingColumns: false });
  }

  unionAll(other: DataFrame): DataFrame {
    return this.union(other);
  }

  /** Rows of both, matching columns by name; missing ones are null when allowMissingColumns. */
  unionByName(other: DataFrame, allowMissingColumns = false): DataFrame {
    return this.checked({ kind: 'union', children: [this.plan, other.plan], byName: true, allowMissingColumns });
  }

  distinct(): DataFrame {
    return this.checked({ kind: 'distinct', child: this.plan, subset: null });
  }

  /** One row per distinct value of `subset` (all columns when omitted). */
  dropDuplicates(subset?: string[]): DataFrame {
    return this.checked({ kind: 'distinct', child: this.plan, subset: subset ?? null });
  }

  drop_duplicates(subset?: string[]): DataFrame {
    return this.dropDuplicates(subset);
  }

  /** Skips the first n rows (in the DataFrame's order; use after orderBy for a stable result). */
  offset(n: number): DataFrame {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`offset: n must be a non-negative integer, got ${n}`);
    return this.checked({ kind: 'offset', child: this.plan, n });
  }

  /** Fewer partitions without a shuffle. */
  coalesce(numPartitions: number): DataFrame {
    return this.checked({ kind: 'repartition', child: this.plan, numPartitions: positive(numPartitions), shuffle: false, by: [] });
  }

  /** n partitions through a shuffle: rows dealt round-robin, or by the hash of the given columns. */
  repartition(numPartitions: number, ...cols: ColumnArg[]): DataFrame {
    return this.checked({ kind: 'repartition', child: this.plan, numPartitions: positive(numPartitions), shuffle: true, by: cols.map((c) => toCol(c).expr) });
  }

  /**
   * Keeps the computed batches for later actions (Spark's default for DataFrames is MEMORY_AND_DISK). The first
   * action computes and stores them; explain shows an InMemoryTableScan.
   */
  persist(level: 'MEMORY_ONLY' | 'MEMORY_AND_DISK' | 'DISK_ONLY' = 'MEMORY_AND_DISK'): DataFrame {
    if (this.plan.kind === 'cached') return this;
    return this.checked({ kind: 'cached', child: this.plan, holder: { level, rdd: null } });
  }

  cache(): DataFrame {
    return this.persist();
  }

  /**
   * Computes the DataFrame once, writes its batches to the checkpoint directory (`sc.setCheckpointDir`) and returns
   * a DataFrame whose plan is a scan of those files: the lineage above is cut, so later actions never recompute
   * (or re-read) the upstream. `eager = false` marks it and writes on the first action instead.
   */
  async checkpoint(eager = true): Promise<DataFrame> {
    return this.checkpointed('reliable', eager);
  }

  /**
   * Like checkpoint(), but the batches go to the context's local directory (fast; lost with the context, and a
   * lost task cannot recompute them).
   */
  async localCheckpoint(eager = true): Promise<DataFrame> {
    return this.checkpointed('local', eager);
  }

  private async checkpointed(kind: 'reliable' | 'local', eager: boolean): Promise<DataFrame> {
    const rdd = await this.batchRdd();
    if (kind === 'reliable') rdd.checkpoint();
    else rdd.localCheckpoint();
    if (eager) {
      // Persisted while the checkpoint is written, so the job that writes it reads the batches just computed.
      const { StorageLevel } = await import('@kindling/core');
      rdd.persist(StorageLevel.MEMORY_AND_DISK);
      await rdd.count();
      rdd.unpersist();
    }
    return this.checked({ kind: 'rddScan', schema: this.schema, rdd, label: kind === 'reliable' ? 'Checkpoint' : 'LocalCheckpoint' });
  }

  /** Drops the cached batches (the DataFrame still works; it recomputes). */
  unpersist(): DataFrame {
    if (this.plan.kind === 'cached' && this.plan.holder.rdd) {
      (this.plan.holder.rdd as RDD<Uint8Array>).unpersist();
      this.plan.holder.rdd = null;
    }
    return this;
  }

  /** Registers the DataFrame under a name for session.table(name) (and SQL, later). */
  createOrReplaceTempView(name: string): void {
    this.session.catalog.registerView(name, this.plan);
  }

  createTempView(name: string): void {
    if (this.session.catalog.hasView(name)) {
      throw new AnalysisError('TEMP_TABLE_OR_VIEW_ALREADY_EXISTS', `temporary view '${name}' already exists; use createOrReplaceTempView`);
    }
    this.createOrReplaceTempView(name);
  }

  /** Missing-value handling: df.na.drop(), df.na.fill(value). */
  get na(): NaFunctions {
    return new NaFunctions(this);
  }

  /**
   * Set operations with multiplicities, planned as Spark rewrites them: both inputs tagged, grouped by every
   * column (NULLs compare equal here), and the per-side counts compared.
   */
  private setOp(other: DataFrame, keep: (l: Column, r: Column) => Column | null, replicate: ((l: Column, r: Column) => Column) | null): DataFrame {
    const cols = this.columns;
    const tag = (df: DataFrame, l: number, r: number) => df.select(...cols.map((c, i) => col(df.columns[i]!).alias(c)), lit(l).alias('__l'), lit(r).alias('__r'));
    const counted = tag(this, 1, 0)
      .union(tag(other, 0, 1))
      .groupBy(...cols)
      .agg(sum('__l').alias('__l'), sum('__r').alias('__r'));
    const l = col('__l');
    const r = col('__r');
    const cond = keep(l, r);
    const kept = cond ? counted.filter(cond) : counted;
    if (!replicate) return kept.select(...cols);
    const withCount = kept.select(...cols, replicate(l, r).alias('__n'));
    return new DataFrame(this.session, { kind: 'replicate', child: withCount.plan, countColumn: '__n' }).checkedSelf();
  }

  /** @internal */
  checkedSelf(): DataFrame {
    this.resolved();
    return this;
  }

  /** Distinct rows present in both. */
  intersect(other: DataFrame): DataFrame {
    return this.setOp(other, (l, r) => l.gt(0).and(r.gt(0)), null);
  }

  /** Rows present in both, as many times as the lesser count. */
  intersectAll(other: DataFrame): DataFrame {
    return this.setOp(other, (l, r) => l.gt(0).and(r.gt(0)), (l, r) => least(l, r));
  }

  /** Distinct rows of this one not in `other` (SQL EXCEPT). */
  subtract(other: DataFrame): DataFrame {
    return this.setOp(other, (l, r) => l.gt(0).and(r.equalTo(0)), null);
  }

  /** Rows of this one not in `other`, keeping duplicates: each row count(this) - count(other) times. */
  exceptAll(other: DataFrame): DataFrame {
    return this.setOp(other, (l, r) => l.gt(r), (l, r) => l.minus(r));
  }

  /** A random sample of rows (Bernoulli, or Poisson counts with replacement); deterministic for a seed. */
  sample(fraction: number, seed?: number): DataFrame;
  sample(withReplacement: boolean, fraction: number, seed?: number): DataFrame;
  sample(a: boolean | number, b?: number, c?: number): DataFrame {
    const withReplacement = typeof a === 'boolean' ? a : false;
    const fraction = typeof a === 'boolean' ? b! : a;
    const seed = typeof a === 'boolean' ? c : b;
    if (!(fraction >= 0) || (!withReplacement && fraction > 1)) throw new RangeError(`sample: fraction must be in [0, 1] (or >= 0 with replacement), got ${fraction}`);
    return this.checked({ kind: 'sample', child: this.plan, withReplacement, lower: 0, upper: fraction, seed: seed ?? (Math.random() * 2 ** 31) | 0 });
  }

  /** Splits rows randomly by weights (normalized); the parts are disjoint and together hold every row. */
  randomSplit(weights: number[], seed: number = (Math.random() * 2 ** 31) | 0): DataFrame[] {
    const total = weights.reduce((x, y) => x + y, 0);
    if (!(total > 0) || weights.some((w) => !(w >= 0))) throw new RangeError(`randomSplit: weights must be non-negative with a positive sum, got [${weights}]`);
    let lower = 0;
    return weights.map((w) => {
      const upper = lower + w / total;
      const df = this.checked({ kind: 'sample', child: this.plan, withReplacement: false, lower, upper, seed });
      lower = upper;
      return df;
    });
  }

  /**
   * count, mean, stddev, min and max of numeric and string columns (all of them, or those named), as a DataFrame
   * of strings with a `summary` column, as Spark's describe.
   */
  describe(...cols: string[]): DataFrame {
    const types = new Map(this.dtypes.map(([n, t]) => [n, t]));
    const names = cols.length ? cols : this.columns.filter((n) => isNumericType(parseType(types.get(n)!)) || types.get(n) === 'string');
    const numeric = (n: string) => isNumericType(parseType(types.get(n)!));
    const row = (label: string, f: (n: string) => Column | null) =>
      this.agg(lit(label).alias('summary'), ...names.map((n) => (f(n) ?? lit(null)).cast('string').alias(n)));
    return row('count', (n) => count(n))
      .union(row('mean', (n) => (numeric(n) ? avg(n) : null)))
      .union(row('stddev', (n) => (numeric(n) ? stddev(n) : null)))
      .union(row('min', (n) => min(n)))
      .union(row('max', (n) => max(n)));
  }

  /** The rows as a core RDD of row objects (async: planning may load task modules). */
  async rdd(): Promise<RDD<Row>> {
    const f = await op('batchToRows');
    const spec = { names: this.resolved().output.map((a) => a.name) };
    return (await this.batchRdd()).mapPartitions((it) => f(spec, it)) as RDD<Row>;
  }

  /** Names this DataFrame for qualified references (df.alias('t') then col('t.x')). */
  alias(name: string): DataFrame {
    return this.checked({ kind: 'subqueryAlias', child: this.plan, alias: name });
  }

  /** Writes the DataFrame to files: df.write.mode('overwrite').partitionBy('k').csv(path). */
  get write(): DataFrameWriter {
    return new DataFrameWriter(this);
  }

  /** The rows as one Arrow table (the DataFrame's schema, all partitions in order). */
  async toArrow(): Promise<import('apache-arrow').Table> {
    const rdd = await this.batchRdd();
    const batches = (await rdd.collect()).flatMap((bytes) => decodeBatches(bytes).map(plainBatch));
    return batches.length ? new Table(batches) : new Table(this.schema.toArrowSchema());
  }

  // ---- actions ----------------------------------------------------------------------------------------------

  /** The DataFrame as an RDD of Arrow IPC batches (the engine's form). */
  async batchRdd(): Promise<RDD<Uint8Array>> {
    return this.session.planner().toRdd(optimize(this.resolved()));
  }

  /** Rows as plain objects keyed by column name. bigint columns give bigints; dates and timestamps give Dates. */
  async collect(): Promise<Row[]> {
    const rdd = await this.batchRdd();
    return rowsOf(await rdd.collect(), this.resolved());
  }

  async toLocalIterator(): Promise<AsyncIterableIterator<Row>> {
    const rdd = await this.batchRdd();
    const plan = this.resolved();
    return (async function* () {
      for await (const bytes of rdd.toLocalIterator()) yield* rowsOf([bytes], plan);
    })();
  }

  async take(n: number): Promise<Row[]> {
    return this.limit(n).collect();
  }

  async first(): Promise<Row | undefined> {
    return (await this.take(1))[0];
  }

  async head(n = 1): Promise<Row[]> {
    return this.take(n);
  }

  async count(): Promise<number> {
    const { count } = await import('./functions.js');
    const [row] = await this.agg(count('*').alias('count')).collect();
    return Number(row!.count);
  }

  async isEmpty(): Promise<boolean> {
    return (await this.take(1)).length === 0;
  }

  /** Prints the first n rows as Spark's table (truncate: true = 20 characters, or a number). */
  async show(n = 20, truncate: boolean | number = true, vertical = false): Promise<void> {
    process.stdout.write(await this.showString(n, truncate, vertical));
  }

  async showString(n = 20, truncate: boolean | number = true, vertical = false): Promise<string> {
    const rows = await this.take(n + 1);
    const plan = this.resolved();
    const types = plan.output.map((a) => a.type.simpleString());
    const cells = rows.slice(0, n).map((r) => plan.output.map((a, i) => showValue(r[a.name], types[i])));
    const t = truncate === true ? 20 : truncate === false ? 0 : truncate;
    const names = plan.output.map((a) => a.name);
    return (vertical ? formatVertical : formatTable)(names, cells, t, rows.length > n, n);
  }

  /** Prints the plans: the physical plan, or with 'extended' the logical, analyzed, optimized and physical ones. */
  explain(mode: boolean | 'simple' | 'extended' = 'simple'): void {
    process.stdout.write(this.explainString(mode));
  }

  explainString(mode: boolean | 'simple' | 'extended' = 'simple'): string {
    return explainPlan(this.plan, this.resolved(), optimize(this.resolved()), mode === true || mode === 'extended', this.session.shufflePartitions, this.session.planner());
  }
}

/** Converts batches to row objects (duplicate column names: the later one wins, as in a JS object). */
function rowsOf(parts: Uint8Array[], plan: ResolvedPlan): Row[] {
  const names = plan.output.map((a) => a.name);
  const rows: Row[] = [];
  for (const bytes of parts) {
    for (const b of decode(bytes)) {
      const cols = b.columns.map((c) => vecToValues(c));
      for (let r = 0; r < b.length; r++) {
        const row: Row = {};
        for (let c = 0; c < names.length; c++) row[names[c]!] = cols[c]![r] ?? null;
        rows.push(row);
      }
    }
  }
  return rows;
}

/** df.groupBy(...): aggregations per group. */
export class GroupedData {
  constructor(
    private readonly df: DataFrame,
    private readonly keys: Expr[],
    /** rollup / cube / groupingSets: the grouping sets over `keys`. */
    private readonly sets?: Expr[][],
  ) {}

  agg(...exprs: (Column | Record<string, string>)[]): DataFrame {
    const cols: Expr[] = [];
    for (const e of exprs) {
      if (e instanceof Column) cols.push(e.expr);
      else for (const [c, fn] of Object.entries(e)) cols.push({ kind: 'call', name: fn === 'mean' ? 'avg' : fn, args: [col(c).expr] });
    }
    const df = new DataFrame(this.df.session, {
      kind: 'aggregate',
      child: this.df.plan,
      groupBy: this.keys,
      aggs: cols,
      ...(this.sets ? { groupingSets: this.sets } : {}),
    });
    if (!hasOuterReference(df.plan)) df.resolved();
    return df;
  }

  private each(fn: string, cols: string[]): DataFrame {
    const names = cols.length ? cols : this.numericColumns();
    return this.agg(...names.map((c) => new Column({ kind: 'call', name: fn, args: [col(c).expr] })));
  }

  private numericColumns(): string[] {
    const keyNames = new Set(this.keys.map((k) => (k.kind === 'column' ? k.name.toLowerCase() : '')));
    return this.df.resolved().output.filter((a) => isNumericType(a.type) && !keyNames.has(a.name.toLowerCase())).map((a) => a.name);
  }

  count(): DataFrame {
    return this.agg(new Column({ kind: 'call', name: 'count', args: [{ kind: 'literal', value: 1, type: null }] }).alias('count'));
  }

  /**
   * Turns the distinct values of `pivotCol` into columns (api/pivot.ts). With `values`, the aggregations return
   * DataFrames; without, a job finds the values first, so they return Promises.
   */
  pivot(pivotCol: ColumnArg, values: unknown[]): PivotedData;
  pivot(pivotCol: ColumnArg): PendingPivot;
  pivot(pivotCol: ColumnArg, values?: unknown[]): PivotedData | PendingPivot {
    if (this.sets) {
      throw new AnalysisError('UNSUPPORTED_FEATURE.PIVOT_AFTER_GROUP_BY', 'The feature is not supported: pivot after rollup, cube or groupingSets; pivot a groupBy(...) instead.');
    }
    const p = toCol(pivotCol).expr;
    this.df.select(toCol(pivotCol)); // fails now if the column does not resolve
    return values === undefined ? new PendingPivot(this.df, this.keys, p) : new PivotedData(this.df, this.keys, p, values);
  }
  sum(...cols: string[]): DataFrame {
    return this.each('sum', cols);
  }
  avg(...cols: string[]): DataFrame {
    return this.each('avg', cols);
  }
  mean(...cols: string[]): DataFrame {
    return this.each('avg', cols);
  }
  min(...cols: string[]): DataFrame {
    return this.each('min', cols);
  }
  max(...cols: string[]): DataFrame {
    return this.each('max', cols);
  }
}

function isNumericType(t: DataType): boolean {
  return ['tinyint', 'smallint', 'int', 'bigint', 'float', 'double'].includes(t.simpleString()) || t.simpleString().startsWith('decimal');
}

const JOIN_TYPES: Record<string, import('../plan/logical.js').JoinType> = {
  inner: 'inner',
  cross: 'cross',
  left: 'left',
  leftouter: 'left',
  left_outer: 'left',
  right: 'right',
  rightouter: 'right',
  right_outer: 'right',
  full: 'full',
  outer: 'full',
  fullouter: 'full',
  full_outer: 'full',
  semi: 'left_semi',
  leftsemi: 'left_semi',
  left_semi: 'left_semi',
  anti: 'left_anti',
  leftanti: 'left_anti',
  left_anti: 'left_anti',
};

function joinType(how: string): import('../plan/logical.js').JoinType {
  const t = JOIN_TYPES[how.toLowerCase()];
  if (!t) {
    throw new TypeError(`Unsupported join type '${how}'. Supported: ${Object.keys(JOIN_TYPES).join(', ')}`);
  }
  return t;
}

function positive(n: number): number {
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`numPartitions must be a positive integer, got ${n}`);
  return n;
}

/** df.na: Spark's DataFrameNaFunctions. */
export class NaFunctions {
  constructor(private readonly df: DataFrame) {}

  /**
   * Drops rows with nulls (NaN counts as null for floating columns, as in Spark): how 'any' (default) or 'all', or
   * keep rows with at least `thresh` non-null values; only `subset` columns are looked at when given.
   */
  drop(how: 'any' | 'all' = 'any', subset?: string[], thresh?: number): DataFrame {
    const names = subset ?? this.df.columns;
    const types = new Map(this.df.dtypes.map(([n, t]) => [n.toLowerCase(), t]));
    const present = names.map((n) => {
      const c = col(n);
      const t = types.get(n.toLowerCase());
      return t === 'double' || t === 'float' ? c.isNotNull().and(c.isNaN().not()) : c.isNotNull();
    });
    if (present.length === 0) return this.df;
    if (thresh !== undefined) {
      const count = present.map((p) => new Column({ kind: 'case', branches: [{ when: p.expr, then: { kind: 'literal', value: 1, type: null } }], otherwise: { kind: 'literal', value: 0, type: null } })).reduce((a, b) => a.plus(b));
      return this.df.filter(count.geq(thresh));
    }
    return this.df.filter(how === 'all' ? present.reduce((a, b) => a.or(b)) : present.reduce((a, b) => a.and(b)));
  }

  /** Replaces nulls with `value` in the columns of a matching type (numbers for numeric columns, strings for strings, booleans for booleans), or per column with a map. */
  fill(value: number | string | boolean | Record<string, number | string | boolean>, subset?: string[]): DataFrame {
    const dtypes = this.df.dtypes;
    const fills = new Map<string, unknown>();
    if (typeof value === 'object') for (const [k, v] of Object.entries(value)) fills.set(k.toLowerCase(), v);
    else {
      const wanted = subset?.map((s) => s.toLowerCase());
      for (const [n, t] of dtypes) {
        if (wanted && !wanted.includes(n.toLowerCase())) continue;
        const numeric = ['tinyint', 'smallint', 'int', 'bigint', 'float', 'double'].includes(t) || t.startsWith('decimal');
        if ((typeof value === 'number' && numeric) || (typeof value === 'string' && t === 'string') || (typeof value === 'boolean' && t === 'boolean')) {
          fills.set(n.toLowerCase(), value);
        }
      }
    }
    const cols: Record<string, Column> = {};
    for (const [n, t] of dtypes) {
      if (!fills.has(n.toLowerCase())) continue;
      cols[n] = new Column({ kind: 'call', name: 'coalesce', args: [col(n).expr, { kind: 'cast', child: { kind: 'literal', value: fills.get(n.toLowerCase()), type: null }, to: t, ansi: true }] });
    }
    return Object.keys(cols).length ? this.df.withColumns(cols) : this.df;
  }
}
