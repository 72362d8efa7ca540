import { Context } from '@kindling/core';
import { Table, type RecordBatch } from 'apache-arrow';
import { Planner } from '../exec/planner.js';
import { StructType } from '../types/data-types.js';
import { DataFrame } from './dataframe.js';
import { DataFrameReader } from './reader.js';
import { Catalog } from './catalog.js';
/** Session configuration, with Spark's keys. */
export type SessionConf = Map<string, string>;
/** Spark's SparkSession.builder(). */
export declare class SessionBuilder {
    private readonly conf;
    master(master: string): this;
    appName(name: string): this;
    config(key: string, value: string | number | boolean): this;
    /** The active session if there is one with the same master, or a new one. */
    getOrCreate(): Session;
}
/** Spark's SparkSession: the entry point of the DataFrame API. `sparkContext` is the core Context. */
export declare class Session {
    readonly sparkContext: Context;
    readonly conf: SessionConf;
    static active: Session | null;
    stopped: boolean;
    static builder(): SessionBuilder;
    constructor(sparkContext: Context, conf?: SessionConf);
    /** Partitions after a shuffle: spark.sql.shuffle.partitions, or the context's parallelism when unset. */
    get shufflePartitions(): number;
    /** spark.sql.autoBroadcastJoinThreshold in bytes (default 10 MB; -1 turns broadcast joins off). */
    get broadcastThreshold(): number;
    /** @internal */
    planner(): Planner;
    /** Temporary views: createOrReplaceTempView registers them, table(name) reads them. */
    readonly catalog: Catalog;
    table(name: string): DataFrame;
    /**
     * Runs one SQL statement and returns its result as a DataFrame (synchronously, as Spark's `spark.sql`): a query
     * gives its lazy DataFrame; CREATE VIEW, DROP VIEW, CACHE/UNCACHE TABLE and SET take effect now and return their
     * (usually empty) result. Syntax errors throw ParseError, unknown names AnalysisError. See docs/SQL.md.
     */
    sql(text: string): DataFrame;
    /** Runs the `;`-separated statements of a script in order (all are parsed first); one DataFrame per statement. */
    sqlScript(text: string): DataFrame[];
    get read(): DataFrameReader;
    /** A DataFrame from rows (objects or arrays) or an Arrow table; the schema is inferred unless given. */
    createDataFrame(data: Record<string, unknown>[] | unknown[][] | Table | RecordBatch, schema?: StructType | string | string[]): DataFrame;
    /** A single bigint column `id` from start to end (exclusive), as spark.range. */
    range(start: number, end?: number, step?: number, numPartitions?: number): DataFrame;
    stop(): Promise<void>;
}
//# sourceMappingURL=session.d.ts.map