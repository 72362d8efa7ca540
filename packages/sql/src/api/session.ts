import { Context, consoleProgressFromEnv, defaultMaster } from '@kindling/core';
import { Table, type RecordBatch } from 'apache-arrow';
import { vecFromValues } from '../eval/arrow-convert.js';
import { encode } from '../exec/columnar-batch.js';
import { Planner } from '../exec/planner.js';
import type { PartialSkip } from '../exec/task-ops.js';
import { literalType } from '../analysis/analyzer.js';
import { ArrayType, NullType, StringType, StructField, StructType, schemaFromArrow, type DataType } from '../types/data-types.js';
import { parseSchema } from '../types/parse-type.js';
import { DataFrame } from './dataframe.js';
import { DataFrameReader } from './reader.js';
import { Catalog } from './catalog.js';
import { encodeBatch } from '../exec/batch-codec.js';
import { slice } from '../exec/vec-ops.js';
import { parseScript, parseStatement } from '../parser/parse.js';
import { runStatement } from '../sql/statements.js';

/** Session configuration, with Spark's keys. */
export type SessionConf = Map<string, string>;

/** Spark's SparkSession.builder(). */
export class SessionBuilder {
  private readonly conf = new Map<string, string>();

  master(master: string): this {
    return this.config('spark.master', master);
  }
  appName(name: string): this {
    return this.config('spark.app.name', name);
  }
  config(key: string, value: string | number | boolean): this {
    this.conf.set(key, String(value));
    return this;
  }
  /** The active session if there is one with the same master, or a new one. */
  getOrCreate(): Session {
    const master = this.conf.get('spark.master') ?? defaultMaster();
    if (Session.active && !Session.active.stopped && Session.active.sparkContext.master === master) {
      for (const [k, v] of this.conf) Session.active.conf.set(k, v);
      return Session.active;
    }
    const conf = this.conf;
    // spark.ui.showConsoleProgress is read at each job start, so spark.conf changes take effect while running.
    const showConsoleProgress = {
      enabled: () => {
        const v = conf.get('spark.ui.showConsoleProgress');
        return v === undefined ? consoleProgressFromEnv() : v.trim().toLowerCase() === 'true';
      },
    };
    const session = new Session(new Context({ master, appName: conf.get('spark.app.name') ?? 'kindling', showConsoleProgress }), conf);
    Session.active = session;
    return session;
  }
}

/** Spark's SparkSession: the entry point of the DataFrame API. `sparkContext` is the core Context. */
export class Session {
  static active: Session | null = null;
  stopped = false;

  static builder(): SessionBuilder {
    return new SessionBuilder();
  }

  constructor(
    readonly sparkContext: Context,
    readonly conf: SessionConf = new Map(),
  ) {}

  /** Partitions after a shuffle: spark.sql.shuffle.partitions, or the context's parallelism when unset. */
  get shufflePartitions(): number {
    return Number(this.conf.get('spark.sql.shuffle.partitions') ?? this.sparkContext.defaultParallelism);
  }

  /** spark.sql.autoBroadcastJoinThreshold in bytes (default 10 MB; -1 turns broadcast joins off). */
  get broadcastThreshold(): number {
    return this.sizeConf('spark.sql.autoBroadcastJoinThreshold', 10 * 1024 * 1024);
  }

  /**
   * kindling.sql.smallSortBytes (default 8 MB; 0 turns it off; Kindling's own, adaptive only): a global sort whose
   * sample job finds at most this many bytes of input sorts them in one task instead of range-partitioning them.
   */
  get smallSortBytes(): number {
    return this.adaptiveEnabled ? Math.max(0, this.sizeConf('kindling.sql.smallSortBytes', 8 * 1024 * 1024)) : 0;
  }

  private sizeConf(key: string, byDefault: number): number {
    const v = this.conf.get(key);
    if (v === undefined) return byDefault;
    const m = /^\s*(-?\d+)\s*([kmg]?)b?\s*$/i.exec(v);
    if (!m) throw new TypeError(`${key}: cannot read '${v}' as a size such as 10485760 or 10MB`);
    return Number(m[1]) * ({ '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 } as Record<string, number>)[m[2]!.toLowerCase()]!;
  }

  /** spark.sql.adaptive.enabled (default true): joins may turn into broadcast joins from their shuffle sizes. */
  get adaptiveEnabled(): boolean {
    const v = (this.conf.get('spark.sql.adaptive.enabled') ?? 'true').trim().toLowerCase();
    if (v !== 'true' && v !== 'false') throw new TypeError(`spark.sql.adaptive.enabled: expected true or false, got '${v}'`);
    return v === 'true';
  }

  /**
   * Adaptive partial aggregation (exec/task-ops.ts PartialSkip): spark.sql.aggregate.adaptivePartial.enabled
   * (default true), .minRows (rows a partial aggregate folds before deciding, default 131072) and .ratio (groups per
   * row past which it passes the rest of its rows through, default 0.8).
   */
  get partialSkip(): PartialSkip | undefined {
    const on = (this.conf.get('spark.sql.aggregate.adaptivePartial.enabled') ?? 'true').trim().toLowerCase();
    if (on !== 'true' && on !== 'false') throw new TypeError(`spark.sql.aggregate.adaptivePartial.enabled: expected true or false, got '${on}'`);
    if (on === 'false') return undefined;
    const num = (key: string, dflt: number): number => {
      const v = this.conf.get(key);
      const x = v === undefined ? dflt : Number(v);
      if (!Number.isFinite(x) || x < 0) throw new TypeError(`${key}: expected a non-negative number, got '${v}'`);
      return x;
    };
    return { minRows: num('spark.sql.aggregate.adaptivePartial.minRows', 131072), ratio: num('spark.sql.aggregate.adaptivePartial.ratio', 0.8) };
  }

  /** @internal */
  planner(): Planner {
    return new Planner(this.sparkContext, {
      shufflePartitions: this.shufflePartitions,
      broadcastThreshold: this.broadcastThreshold,
      adaptive: this.adaptiveEnabled,
      partialSkip: this.partialSkip,
      smallSortBytes: this.smallSortBytes,
    });
  }

  /** Temporary views: createOrReplaceTempView registers them, table(name) reads them. */
  readonly catalog = new Catalog();

  table(name: string): DataFrame {
    const df = new DataFrame(this, this.catalog.lookup(name));
    df.resolved();
    return df;
  }

  /**
   * Runs one SQL statement and returns its result as a DataFrame (synchronously, as Spark's `spark.sql`): a query
   * gives its lazy DataFrame; CREATE VIEW, DROP VIEW, CACHE/UNCACHE TABLE and SET take effect now and return their
   * (usually empty) result. Syntax errors throw ParseError, unknown names AnalysisError. See docs/SQL.md.
   */
  sql(text: string): DataFrame {
    return runStatement(this, parseStatement(text));
  }

  /** Runs the `;`-separated statements of a script in order (all are parsed first); one DataFrame per statement. */
  sqlScript(text: string): DataFrame[] {
    return parseScript(text).map((s) => runStatement(this, s.statement));
  }

  get read(): DataFrameReader {
    return new DataFrameReader(this);
  }

  /** A DataFrame from rows (objects or arrays) or an Arrow table; the schema is inferred unless given. */
  createDataFrame(data: Record<string, unknown>[] | unknown[][] | Table | RecordBatch, schema?: StructType | string | string[]): DataFrame {
    if (data instanceof Table || (data as RecordBatch).schema?.fields) {
      const table = data instanceof Table ? data : new Table(data as RecordBatch);
      const partitions = table.batches.map((b) => encodeBatch(b));
      return new DataFrame(this, { kind: 'localRelation', schema: schemaFromArrow(table.schema), partitions: partitions.length ? partitions : [] });
    }
    const rows = data as (Record<string, unknown> | unknown[])[];
    const names = Array.isArray(schema) ? schema : undefined;
    const st = schema instanceof StructType ? schema : typeof schema === 'string' ? parseSchema(schema) : inferSchema(rows, names);
    const columns = st.fields.map((f, c) =>
      vecFromValues(
        f.dataType,
        rows.map((r) => (Array.isArray(r) ? r[c] : (r as Record<string, unknown>)[f.name]) ?? null),
      ),
    );
    const n = Math.max(1, Math.min(this.sparkContext.defaultParallelism, rows.length || 1));
    const partitions: Uint8Array[] = [];
    for (let i = 0; i < n; i++) {
      const from = Math.floor((i * rows.length) / n);
      const to = Math.floor(((i + 1) * rows.length) / n);
      partitions.push(encode({ names: st.fieldNames, columns: columns.map((c) => slice(c, from, to)), length: to - from }));
    }
    return new DataFrame(this, { kind: 'localRelation', schema: st, partitions });
  }

  /** A single bigint column `id` from start to end (exclusive), as spark.range. */
  range(start: number, end?: number, step = 1, numPartitions?: number): DataFrame {
    if (end === undefined) [start, end] = [0, start];
    return new DataFrame(this, { kind: 'range', start, end, step, numPartitions: numPartitions ?? this.sparkContext.defaultParallelism });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (Session.active === this) Session.active = null;
    await this.sparkContext.stop();
  }
}


/** Types from values, merging across rows (int and double → double; null alone → string, as Spark). */
function inferSchema(rows: (Record<string, unknown> | unknown[])[], names?: string[]): StructType {
  const first = rows[0];
  const keys = names ?? (Array.isArray(first) ? first.map((_, i) => `_${i + 1}`) : Object.keys(first ?? {}));
  const types: DataType[] = keys.map(() => NullType);
  for (const r of rows) {
    keys.forEach((k, i) => {
      const v = Array.isArray(r) ? r[i] : (r as Record<string, unknown>)[k];
      if (v === null || v === undefined) return;
      const t = Array.isArray(v) ? new ArrayType(v.length ? literalType(v[0]) : StringType) : literalType(v);
      const cur = types[i]!;
      if (cur === NullType) types[i] = t;
      else if (!cur.equals(t)) {
        const nums = ['int', 'bigint', 'double'];
        types[i] = nums.includes(cur.simpleString()) && nums.includes(t.simpleString())
          ? (nums.indexOf(cur.simpleString()) > nums.indexOf(t.simpleString()) ? cur : t)
          : StringType;
      }
    });
  }
  return new StructType(keys.map((k, i) => new StructField(k, types[i] === NullType ? StringType : types[i]!, true)));
}

