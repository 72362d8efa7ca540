import type { RDD } from '@kindling/core';
import type { ResolvedPlan } from '../analysis/resolved.js';
import type { Expr } from '../expr/ast.js';
import type { LogicalPlan } from '../plan/logical.js';
import { StructType } from '../types/data-types.js';
import { Column } from './column.js';
import type { Session } from './session.js';
import { DataFrameWriter } from './writer.js';
import { PendingPivot, PivotedData } from './pivot.js';
export type Row = Record<string, unknown>;
type ColumnArg = Column | string;
/**
 * Spark's DataFrame: a logical plan plus the session that runs it. Transformations return new DataFrames (the
 * plan grows); actions analyze, optimize and plan it into RDDs of Arrow batches and run them on the core engine.
 */
export declare class DataFrame {
    readonly session: Session;
    readonly plan: LogicalPlan;
    private analyzed;
    constructor(session: Session, plan: LogicalPlan);
    private with;
    /** The analyzed plan; analysis errors surface here, when the DataFrame is defined. */
    resolved(): ResolvedPlan;
    get schema(): StructType;
    get columns(): string[];
    get dtypes(): [string, string][];
    printSchema(): void;
    private checked;
    select(...cols: (ColumnArg | ColumnArg[])[]): DataFrame;
    /** Keeps rows where the condition is true: a Column, or a SQL expression such as "age > 21 AND dept = 'eng'". */
    filter(condition: Column | string): DataFrame;
    where(condition: Column | string): DataFrame;
    /** select with SQL expressions: selectExpr('name', 'age + 1 AS next', 'upper(dept) d'). */
    selectExpr(...exprs: string[]): DataFrame;
    withColumn(name: string, c: Column): DataFrame;
    /** Adds or replaces columns (replaced ones keep their position). */
    withColumns(cols: Record<string, Column>): DataFrame;
    withColumnRenamed(existing: string, newName: string): DataFrame;
    drop(...names: string[]): DataFrame;
    groupBy(...cols: (ColumnArg | ColumnArg[])[]): GroupedData;
    /** Spark's rollup: groups by each prefix of the columns, down to the grand total (rolled-up keys are NULL). */
    rollup(...cols: (ColumnArg | ColumnArg[])[]): GroupedData;
    /** Spark's cube: groups by every subset of the columns. */
    cube(...cols: (ColumnArg | ColumnArg[])[]): GroupedData;
    /**
     * GROUPING SETS: `df.groupingSets([['a', 'b'], ['a'], []], 'a', 'b')` groups by each listed set of columns; the
     * grouping columns (`cols`) are the union of the sets, and a set's missing ones are NULL in its rows.
     */
    groupingSets(sets: ColumnArg[][], ...cols: (ColumnArg | ColumnArg[])[]): GroupedData;
    /** This one-column DataFrame as a scalar subquery (Spark 4's DataFrame.scalar()): its single value, or NULL. */
    scalar(): Column;
    /** EXISTS over this DataFrame (Spark 4's DataFrame.exists()); use col('x').outer() to correlate it. */
    exists(): Column;
    /** Aggregates over the whole DataFrame: df.agg(max('x')). */
    agg(...exprs: Column[]): DataFrame;
    orderBy(...cols: (ColumnArg | ColumnArg[])[]): DataFrame;
    sort(...cols: (ColumnArg | ColumnArg[])[]): DataFrame;
    limit(n: number): DataFrame;
    /**
     * Joins with another DataFrame. `on`: a column name or names (USING: the columns appear once), or a Column
     * condition. `how`: inner (default), left/left_outer, right/right_outer, full/outer/full_outer,
     * left_semi/semi, left_anti/anti, cross.
     */
    join(other: DataFrame, on?: string | string[] | Column, how?: string): DataFrame;
    crossJoin(other: DataFrame): DataFrame;
    /** Rows of both, by column position (types widened); duplicates kept, as Spark's union (SQL UNION ALL). */
    union(other: DataFrame): DataFrame;
    unionAll(other: DataFrame): DataFrame;
    /** Rows of both, matching columns by name; missing ones are null when allowMissingColumns. */
    unionByName(other: DataFrame, allowMissingColumns?: boolean): DataFrame;
    distinct(): DataFrame;
    /** One row per distinct value of `subset` (all columns when omitted). */
    dropDuplicates(subset?: string[]): DataFrame;
    drop_duplicates(subset?: string[]): DataFrame;
    /** Skips the first n rows (in the DataFrame's order; use after orderBy for a stable result). */
    offset(n: number): DataFrame;
    /** Fewer partitions without a shuffle. */
    coalesce(numPartitions: number): DataFrame;
    /** n partitions through a shuffle: rows dealt round-robin, or by the hash of the given columns. */
    repartition(numPartitions: number, ...cols: ColumnArg[]): DataFrame;
    /**
     * Keeps the computed batches for later actions (Spark's default for DataFrames is MEMORY_AND_DISK). The first
     * action computes and stores them; explain shows an InMemoryTableScan.
     */
    persist(level?: 'MEMORY_ONLY' | 'MEMORY_AND_DISK' | 'DISK_ONLY'): DataFrame;
    cache(): DataFrame;
    /**
     * Computes the DataFrame once, writes its batches to the checkpoint directory (`sc.setCheckpointDir`) and returns
     * a DataFrame whose plan is a scan of those files: the lineage above is cut, so later actions never recompute
     * (or re-read) the upstream. `eager = false` marks it and writes on the first action instead.
     */
    checkpoint(eager?: boolean): Promise<DataFrame>;
    /**
     * Like checkpoint(), but the batches go to the context's local directory (fast; lost with the context, and a
     * lost task cannot recompute them).
     */
    localCheckpoint(eager?: boolean): Promise<DataFrame>;
    private checkpointed;
    /** Drops the cached batches (the DataFrame still works; it recomputes). */
    unpersist(): DataFrame;
    /** Registers the DataFrame under a name for session.table(name) (and SQL, later). */
    createOrReplaceTempView(name: string): void;
    createTempView(name: string): void;
    /** Missing-value handling: df.na.drop(), df.na.fill(value). */
    get na(): NaFunctions;
    /**
     * Set operations with multiplicities, planned as Spark rewrites them: both inputs tagged, grouped by every
     * column (NULLs compare equal here), and the per-side counts compared.
     */
    private setOp;
    /** @internal */
    checkedSelf(): DataFrame;
    /** Distinct rows present in both. */
    intersect(other: DataFrame): DataFrame;
    /** Rows present in both, as many times as the lesser count. */
    intersectAll(other: DataFrame): DataFrame;
    /** Distinct rows of this one not in `other` (SQL EXCEPT). */
    subtract(other: DataFrame): DataFrame;
    /** Rows of this one not in `other`, keeping duplicates: each row count(this) - count(other) times. */
    exceptAll(other: DataFrame): DataFrame;
    /** A random sample of rows (Bernoulli, or Poisson counts with replacement); deterministic for a seed. */
    sample(fraction: number, seed?: number): DataFrame;
    sample(withReplacement: boolean, fraction: number, seed?: number): DataFrame;
    /** Splits rows randomly by weights (normalized); the parts are disjoint and together hold every row. */
    randomSplit(weights: number[], seed?: number): DataFrame[];
    /**
     * count, mean, stddev, min and max of numeric and string columns (all of them, or those named), as a DataFrame
     * of strings with a `summary` column, as Spark's describe.
     */
    describe(...cols: string[]): DataFrame;
    /** The rows as a core RDD of row objects (async: planning may load task modules). */
    rdd(): Promise<RDD<Row>>;
    /** Names this DataFrame for qualified references (df.alias('t') then col('t.x')). */
    alias(name: string): DataFrame;
    /** Writes the DataFrame to files: df.write.mode('overwrite').partitionBy('k').csv(path). */
    get write(): DataFrameWriter;
    /** The rows as one Arrow table (the DataFrame's schema, all partitions in order). */
    toArrow(): Promise<import('apache-arrow').Table>;
    /** The DataFrame as an RDD of Arrow IPC batches (the engine's form). */
    batchRdd(): Promise<RDD<Uint8Array>>;
    /** Rows as plain objects keyed by column name. bigint columns give bigints; dates and timestamps give Dates. */
    collect(): Promise<Row[]>;
    toLocalIterator(): Promise<AsyncIterableIterator<Row>>;
    take(n: number): Promise<Row[]>;
    first(): Promise<Row | undefined>;
    head(n?: number): Promise<Row[]>;
    count(): Promise<number>;
    isEmpty(): Promise<boolean>;
    /** Prints the first n rows as Spark's table (truncate: true = 20 characters, or a number). */
    show(n?: number, truncate?: boolean | number, vertical?: boolean): Promise<void>;
    showString(n?: number, truncate?: boolean | number, vertical?: boolean): Promise<string>;
    /** Prints the plans: the physical plan, or with 'extended' the logical, analyzed, optimized and physical ones. */
    explain(mode?: boolean | 'simple' | 'extended'): void;
    explainString(mode?: boolean | 'simple' | 'extended'): string;
}
/** df.groupBy(...): aggregations per group. */
export declare class GroupedData {
    private readonly df;
    private readonly keys;
    /** rollup / cube / groupingSets: the grouping sets over `keys`. */
    private readonly sets?;
    constructor(df: DataFrame, keys: Expr[], 
    /** rollup / cube / groupingSets: the grouping sets over `keys`. */
    sets?: Expr[][] | undefined);
    agg(...exprs: (Column | Record<string, string>)[]): DataFrame;
    private each;
    private numericColumns;
    count(): DataFrame;
    /**
     * Turns the distinct values of `pivotCol` into columns (api/pivot.ts). With `values`, the aggregations return
     * DataFrames; without, a job finds the values first, so they return Promises.
     */
    pivot(pivotCol: ColumnArg, values: unknown[]): PivotedData;
    pivot(pivotCol: ColumnArg): PendingPivot;
    sum(...cols: string[]): DataFrame;
    avg(...cols: string[]): DataFrame;
    mean(...cols: string[]): DataFrame;
    min(...cols: string[]): DataFrame;
    max(...cols: string[]): DataFrame;
}
/** df.na: Spark's DataFrameNaFunctions. */
export declare class NaFunctions {
    private readonly df;
    constructor(df: DataFrame);
    /**
     * Drops rows with nulls (NaN counts as null for floating columns, as in Spark): how 'any' (default) or 'all', or
     * keep rows with at least `thresh` non-null values; only `subset` columns are looked at when given.
     */
    drop(how?: 'any' | 'all', subset?: string[], thresh?: number): DataFrame;
    /** Replaces nulls with `value` in the columns of a matching type (numbers for numeric columns, strings for strings, booleans for booleans), or per column with a map. */
    fill(value: number | string | boolean | Record<string, number | string | boolean>, subset?: string[]): DataFrame;
}
export {};
//# sourceMappingURL=dataframe.d.ts.map