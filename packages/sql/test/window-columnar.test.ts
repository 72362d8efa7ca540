import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context } from '@kindling/core';
import { Session, Window, col, functions as F, type DataFrame } from '@kindling/sql';
import { rankCodes, sortedOrder } from '../src/exec/sort-codes.js';
import { groupLimitSelection } from '../src/exec/window-group-limit.js';
import { parseType } from '../src/types/parse-type.js';
import { optimized } from './optimized-plan.js';

// The columnar window path (rank codes, one numeric sort) and the WindowGroupLimit under a filtered rank, checked
// against a reference written from Spark's ordering rules: nulls first ascending / last descending, NaN above every
// number and equal to itself, -0 = 0.

const sessions: Record<string, Session> = {};
beforeAll(() => {
  for (const m of ['local', 'local[2]']) sessions[m] = new Session(new Context({ master: m }), new Map([['spark.sql.shuffle.partitions', '3']]));
});
afterAll(async () => {
  for (const s of Object.values(sessions)) await s.stop();
});

type Row = { id: number; g: string | null; h: number | null; v: number | null; s: string | null };

/** Deterministic rows with null, NaN, -0/0 and many ties in every key. */
function makeRows(n: number): Row[] {
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const vs = [null, Number.NaN, -0, 0, 1.5, -2, 3, 3, Infinity, -Infinity, 7.25];
  const gs = [null, 'a', 'b', 'é', 'B', ''];
  return Array.from({ length: n }, (_, id) => ({
    id,
    g: gs[Math.floor(rnd() * gs.length)]!,
    h: rnd() < 0.15 ? null : Math.floor(rnd() * 3),
    v: vs[Math.floor(rnd() * vs.length)]!,
    s: rnd() < 0.1 ? null : ['x', 'y', 'xy', 'Y'][Math.floor(rnd() * 4)]!,
  }));
}

/** Spark's comparison of two order-key values (numbers or strings), for one direction. */
function cmp(x: unknown, y: unknown, asc: boolean, nullsFirst: boolean): number {
  if (x === null || y === null) return x === y ? 0 : (x === null) === nullsFirst ? -1 : 1;
  let c: number;
  if (typeof x === 'number' && typeof y === 'number') {
    const xn = Number.isNaN(x);
    const yn = Number.isNaN(y);
    c = xn || yn ? (xn === yn ? 0 : xn ? 1 : -1) : x < y ? -1 : x > y ? 1 : 0;
  } else c = (x as string) < (y as string) ? -1 : (x as string) > (y as string) ? 1 : 0;
  return asc ? c : -c;
}

type Key = { f: (r: Row) => unknown; asc: boolean; nullsFirst: boolean };
const compareRows = (a: Row, b: Row, keys: Key[]) => {
  for (const k of keys) {
    const c = cmp(k.f(a), k.f(b), k.asc, k.nullsFirst);
    if (c !== 0) return c;
  }
  return 0;
};

/** rank and dense_rank of each row (by id) within its (g, h) partition. */
function reference(rows: Row[], keys: Key[]): Map<number, { rk: number; drk: number; size: number }> {
  const out = new Map<number, { rk: number; drk: number; size: number }>();
  const parts = new Map<string, Row[]>();
  for (const r of rows) {
    const k = JSON.stringify([r.g, r.h]);
    if (!parts.has(k)) parts.set(k, []);
    parts.get(k)!.push(r);
  }
  for (const part of parts.values()) {
    for (const r of part) {
      const smaller = part.filter((o) => compareRows(o, r, keys) < 0);
      const distinct = smaller.filter((o, i) => smaller.findIndex((p) => compareRows(p, o, keys) === 0) === i);
      out.set(r.id, { rk: smaller.length + 1, drk: distinct.length + 1, size: part.length });
    }
  }
  return out;
}

const V_DESC: Key = { f: (r) => r.v, asc: false, nullsFirst: false };
const S_ASC: Key = { f: (r) => r.s, asc: true, nullsFirst: true };
const V_ASC_NULLS_LAST: Key = { f: (r) => r.v, asc: true, nullsFirst: false };

describe.each(['local', 'local[2]'])('columnar windows on %s', (master) => {
  const rows = makeRows(400);
  const df = (): DataFrame => sessions[master]!.createDataFrame(rows, 'id int, g string, h int, v double, s string').repartition(3);

  const check = async (w: ReturnType<typeof Window.partitionBy>, keys: Key[]) => {
    const got = (await df()
      .select('id', 'v', 's', F.row_number().over(w).alias('rn'), F.rank().over(w).alias('rk'), F.dense_rank().over(w).alias('drk'))
      .collect()) as { id: number; v: number | null; s: string | null; rn: number; rk: number; drk: number }[];
    expect(got.length).toBe(rows.length);
    const ref = reference(rows, keys);
    for (const r of got) {
      const e = ref.get(r.id)!;
      expect([r.id, r.rk, r.drk]).toEqual([r.id, e.rk, e.drk]);
      // row_number breaks ties in any order, but stays within the peer group's ranks.
      expect(r.rn).toBeGreaterThanOrEqual(e.rk);
    }
    // Within each partition row_number is a permutation of 1..size.
    const byPart = new Map<string, number[]>();
    for (const r of got) {
      const src = rows[r.id]!;
      const k = JSON.stringify([src.g, src.h]);
      if (!byPart.has(k)) byPart.set(k, []);
      byPart.get(k)!.push(r.rn);
    }
    for (const rns of byPart.values()) expect(rns.sort((a, b) => a - b)).toEqual(rns.map((_, i) => i + 1));
  };

  it('row_number, rank, dense_rank over a double key descending (nulls last, NaN first, -0 = 0)', async () => {
    await check(Window.partitionBy('g', 'h').orderBy(col('v').desc()), [V_DESC]);
  });

  it('over two order keys: a string ascending (nulls first) and a double ascending with nulls last', async () => {
    await check(Window.partitionBy('g', 'h').orderBy('s', F.asc_nulls_last('v')), [S_ASC, V_ASC_NULLS_LAST]);
  });

  for (const [fn, name] of [
    [F.rank, 'rk'],
    [F.dense_rank, 'drk'],
  ] as const) {
    it(`${fn.name}() <= 2 through WindowGroupLimit keeps exactly the rows ranked 1 or 2`, async () => {
      const w = Window.partitionBy('g', 'h').orderBy(col('v').desc());
      const q = df().select('id', fn().over(w).alias(name)).filter(col(name).leq(2));
      expect(q.explainString()).toContain(`WindowGroupLimit [g, h], [v DESC NULLS LAST], ${fn.name}(), 2, Partial`);
      const ref = reference(rows, [V_DESC]);
      const want = rows.filter((r) => ref.get(r.id)![name] <= 2).map((r) => r.id);
      const got = (await q.collect()).map((r) => r.id as number);
      expect(got.sort((a, b) => a - b)).toEqual(want);
    });
  }

  it('row_number() < 3 through WindowGroupLimit: per partition the two smallest keys, numbered 1 and 2', async () => {
    const w = Window.partitionBy('g', 'h').orderBy(col('s'), F.asc_nulls_last('v'));
    const q = df().select('id', F.row_number().over(w).alias('rn')).filter(col('rn').lt(3));
    expect(q.explainString()).toContain('WindowGroupLimit [g, h], [s ASC NULLS FIRST, v ASC NULLS LAST], row_number(), 2, Partial');
    const got = (await q.collect()) as { id: number; rn: number }[];
    const keys = [S_ASC, V_ASC_NULLS_LAST];
    const parts = new Map<string, Row[]>();
    for (const r of rows) {
      const k = JSON.stringify([r.g, r.h]);
      if (!parts.has(k)) parts.set(k, []);
      parts.get(k)!.push(r);
    }
    const gotParts = new Map<string, { id: number; rn: number }[]>();
    for (const r of got) {
      const k = JSON.stringify([rows[r.id]!.g, rows[r.id]!.h]);
      if (!gotParts.has(k)) gotParts.set(k, []);
      gotParts.get(k)!.push(r);
    }
    expect(gotParts.size).toBe(parts.size);
    for (const [k, part] of parts) {
      const sorted = [...part].sort((a, b) => compareRows(a, b, keys));
      const kept = gotParts.get(k)!.sort((a, b) => a.rn - b.rn);
      expect(kept.map((r) => r.rn)).toEqual(sorted.slice(0, 2).map((_, i) => i + 1));
      // Same keys as the two smallest (ties may pick other rows with equal keys).
      kept.forEach((r, i) => expect(compareRows(rows[r.id]!, sorted[i]!, keys)).toBe(0));
    }
  });

  it('a global top 3 (no PARTITION BY), a limit written k >= rn, and empty input', async () => {
    const w = Window.orderBy(col('v').desc());
    const q = df().select('id', 'v', F.row_number().over(w).alias('rn')).filter(col('rn').leq(3).and(col('id').geq(0)));
    expect(q.explainString()).toContain('WindowGroupLimit [], [v DESC NULLS LAST], row_number(), 3, Partial');
    const got = ((await q.collect()) as { v: number; rn: number }[]).sort((a, b) => a.rn - b.rn);
    expect(got.map((r) => r.v)).toEqual([Number.NaN, Number.NaN, Number.NaN]);
    const flipped = df().select('id', F.rank().over(Window.partitionBy('g').orderBy('v')).alias('rk')).filter(F.lit(1).geq(col('rk')));
    expect(flipped.explainString()).toContain('rank(), 1, Partial');
    const ref = new Set(rows.filter((r) => !rows.some((o) => o.g === r.g && cmp(o.v, r.v, true, true) < 0)).map((r) => r.id));
    expect(new Set((await flipped.collect()).map((r) => r.id))).toEqual(ref);
    const empty = df().filter(col('id').lt(0)).select('id', F.row_number().over(Window.partitionBy('g').orderBy('v')).alias('rn')).filter(col('rn').leq(1));
    expect(await empty.collect()).toEqual([]);
  });
});

// A numeric order key without null or NaN takes the group limit's fast path (order values as doubles, no rank
// codes); the limit runs in each map task and again in each Window task after the shuffle, over many partitions.
describe.each(['local', 'local[2]'])('group limits over many partitions on %s', (master) => {
  const vs = [-0, 0, 1.5, 3, 3, -2, Infinity, -Infinity, 7.25, 3];
  const rows = Array.from({ length: 1500 }, (_, id) => ({ id, p: id % 11 === 0 ? null : (id * 7) % 61, v: vs[(id * 13) % vs.length]! + (id % 5 === 0 ? 0 : id % 4) }));
  const df = (): DataFrame => sessions[master]!.createDataFrame(rows, 'id int, p int, v double').repartition(4);
  /** rank and dense_rank of each row in its partition, v descending (-0 = 0). */
  const ref = new Map<number, { rk: number; drk: number }>();
  for (const r of rows) {
    const part = rows.filter((o) => o.p === r.p);
    const above = new Set(part.filter((o) => o.v > r.v).map((o) => o.v + 0));
    ref.set(r.id, { rk: part.filter((o) => o.v > r.v).length + 1, drk: above.size + 1 });
  }
  const sizes = new Map<number | null, number>();
  for (const r of rows) sizes.set(r.p, (sizes.get(r.p) ?? 0) + 1);

  for (const fn of ['row_number', 'rank', 'dense_rank'] as const) {
    for (const k of [1, 3, 1000]) {
      it(`${fn}() <= ${k}`, async () => {
        const w = Window.partitionBy('p').orderBy(col('v').desc());
        const q = df()
          .select('id', 'p', 'v', F.row_number().over(w).alias('rn'), F.rank().over(w).alias('rk'), F.dense_rank().over(w).alias('drk'))
          .filter(col(fn === 'row_number' ? 'rn' : fn === 'rank' ? 'rk' : 'drk').leq(k));
        const limit = `WindowGroupLimit \\[p\\], \\[v DESC NULLS LAST\\], ${fn}\\(\\), ${k}`;
        // Spark's two modes: Final in the Window task (before its sort), Partial in each map task before the shuffle.
        expect(q.explainString()).toMatch(new RegExp(`\\+- ${limit}, Final\\n\\s+\\+- Exchange hashpartitioning\\(p, 3\\)\\n\\s+\\+- ${limit}, Partial`));
        const got = (await q.collect()) as { id: number; p: number | null; v: number; rn: number; rk: number; drk: number }[];
        // Every kept row has its rank and dense_rank over all rows of its partition.
        for (const r of got) expect([r.id, r.rk, r.drk]).toEqual([r.id, ref.get(r.id)!.rk, ref.get(r.id)!.drk]);
        const byPart = new Map<number | null, typeof got>();
        for (const r of got) byPart.set(r.p, [...(byPart.get(r.p) ?? []), r]);
        expect(byPart.size).toBe(sizes.size);
        for (const [p, kept] of byPart) {
          // row_number stays 1..count, consistent with the ranks.
          expect(kept.map((r) => r.rn).sort((a, b) => a - b)).toEqual(kept.map((_, i) => i + 1));
          for (const r of kept) expect(r.rn).toBeGreaterThanOrEqual(r.rk);
          if (fn === 'row_number') {
            expect(kept.length).toBe(Math.min(k, sizes.get(p)!));
            const best = rows.filter((o) => o.p === p).map((o) => o.v).sort((a, b) => b - a).slice(0, k);
            expect(kept.sort((a, b) => a.rn - b.rn).map((r) => r.v + 0)).toEqual(best.map((v) => v + 0));
          }
        }
        if (fn !== 'row_number') {
          const name = fn === 'rank' ? 'rk' : 'drk';
          expect(got.map((r) => r.id).sort((a, b) => a - b)).toEqual(rows.filter((r) => ref.get(r.id)![name] <= k).map((r) => r.id));
        }
      });
    }
  }
  it('an integer partition key over a range too wide for its values as group ids, with nulls', async () => {
    const keys = [-2_000_000_000, 0, 2_000_000_000, null, 7];
    const wide = Array.from({ length: 60 }, (_, id) => ({ id, p: keys[id % keys.length]!, v: (id * 37) % 23 }));
    const w = Window.partitionBy('p').orderBy(col('v').desc());
    const got = await sessions[master]!.createDataFrame(wide, 'id int, p int, v double').repartition(2)
      .select('p', 'v', F.row_number().over(w).alias('rn')).filter(col('rn').leq(1)).orderBy('p').collect();
    const best = (p: number | null) => Math.max(...wide.filter((r) => r.p === p).map((r) => r.v));
    expect(got).toEqual([null, -2_000_000_000, 0, 7, 2_000_000_000].map((p) => ({ p, v: best(p), rn: 1 })));
  });
});

describe('InferWindowGroupLimit', () => {
  const spark = () => sessions['local']!;
  const t = () => spark().createDataFrame([{ k: 1, v: 2 }, { k: 1, v: 3 }, { k: 2, v: 1 }]);
  const w = Window.partitionBy('k').orderBy(col('v').desc());

  it('puts a WindowGroupLimit under a Window whose row_number a filter bounds', async () => {
    const df = t().withColumn('rn', F.row_number().over(w)).filter(col('rn').leq(1));
    expect(optimized(df)).toBe(
      [
        'Project [k, v, rn]',
        '+- Filter (rn <= 1)',
        '   +- Window [row_number() ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW AS rn], [k], [v DESC NULLS LAST]',
        '      +- WindowGroupLimit [k], [v DESC NULLS LAST], row_number(), 1',
        '         +- LocalRelation [k, v]',
      ].join('\n'),
    );
    expect(await df.orderBy('k').collect()).toEqual([
      { k: 1, v: 3, rn: 1 },
      { k: 2, v: 1, rn: 1 },
    ]);
  });

  it('takes the smallest bound among the conjuncts, with the function it bounds', () => {
    const df = t()
      .withColumn('rn', F.row_number().over(w))
      .withColumn('rk', F.rank().over(w))
      .filter(col('rn').leq(5).and(col('rk').lt(3)).and(col('rn').equalTo(4)));
    expect(optimized(df)).toContain('WindowGroupLimit [k], [v DESC NULLS LAST], rank(), 2');
  });

  it('leaves windows alone that it cannot limit', () => {
    const cases: DataFrame[] = [
      t().withColumn('rn', F.row_number().over(w)).filter(col('rn').gt(1)), // a lower bound
      t().withColumn('rn', F.row_number().over(w)).filter(col('rn').leq(1001)), // above the threshold
      t().withColumn('rn', F.row_number().over(w)).filter(col('rn').leq(0)), // keeps nothing anyway
      t().withColumn('rn', F.row_number().over(w)).withColumn('s', F.sum('v').over(w)).filter(col('rn').leq(1)), // an aggregate in the Window
      t().withColumn('rn', F.row_number().over(w)).filter(col('rn').leq(col('v'))), // not a literal
      t().withColumn('p', F.percent_rank().over(w)).filter(col('p').leq(1)), // not rank-like
      t().withColumn('rn', F.row_number().over(w)).filter(col('rn').leq(1).or(col('v').equalTo(1))), // not a conjunct
    ];
    for (const df of cases) expect(optimized(df)).not.toContain('WindowGroupLimit');
  });
});

describe('rank codes and the group limit selection', () => {
  const DOUBLE = parseType('double');
  const vec = (values: (number | null)[]) => {
    const nulls = new Uint8Array(values.length);
    const x = new Float64Array(values.length);
    values.forEach((v, i) => (v === null ? (nulls[i] = 1) : (x[i] = v)));
    return { type: DOUBLE, length: values.length, values: x, nulls };
  };

  it('ranks doubles as Spark orders them, in both directions and null placements', () => {
    const v = vec([3, null, Number.NaN, -0, 0, -Infinity, 3, Number.NaN]);
    expect(Array.from(rankCodes(v, 8, { ascending: true, nullsFirst: true }).codes)).toEqual([3, 0, 4, 2, 2, 1, 3, 4]);
    expect(Array.from(rankCodes(v, 8, { ascending: false, nullsFirst: false }).codes)).toEqual([1, 4, 0, 2, 2, 3, 1, 0]);
    expect(rankCodes(v, 8, { ascending: true, nullsFirst: false }).card).toBe(5);
  });

  it('ranks strings by code unit order and sorts stably on several keys', () => {
    const s = { type: parseType('string'), length: 5, values: ['b', 'a', 'B', 'a', ''], nulls: null };
    const c = rankCodes(s, 5, { ascending: true, nullsFirst: true });
    expect(Array.from(c.codes)).toEqual([3, 2, 1, 2, 0]);
    const v = vec([1, 2, 1, 1, 5]);
    const byDesc = rankCodes(v, 5, { ascending: false, nullsFirst: false });
    expect(Array.from(sortedOrder([c, byDesc], 5))).toEqual([4, 2, 1, 3, 0]);
    // Combined codes too large for one double: the comparator path gives the same order.
    const wide = { codes: new Int32Array([5, 1, 5, 0, 1]), card: 2 ** 30 };
    expect(Array.from(sortedOrder([wide, { codes: new Int32Array([1, 0, 0, 0, 0]), card: 2 ** 30 }], 5))).toEqual([3, 1, 4, 2, 0]);
  });

  it('keeps per group the rows whose row_number, rank or dense_rank can be within the limit', () => {
    const gids = new Int32Array([0, 0, 0, 0, 1, 0, 1]);
    const vals = new Float64Array([5, 1, 1, 3, 9, 3, 9]);
    // The kept rows as a 0/1 mask over the 7 rows.
    const mask = (fn: 'row_number' | 'rank' | 'dense_rank', k: number) => {
      const m = new Array<number>(7).fill(0);
      for (const r of groupLimitSelection(gids, 2, vals, 7, fn, k)!) m[r] = 1;
      return m;
    };
    expect(mask('row_number', 2)).toEqual([0, 1, 1, 0, 1, 0, 1]);
    // Ties at the threshold (rows 3 and 5 both 3): the earlier row is the one kept.
    expect(mask('row_number', 3)).toEqual([0, 1, 1, 1, 1, 0, 1]);
    expect(mask('row_number', 9)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(mask('rank', 3)).toEqual([0, 1, 1, 1, 1, 1, 1]);
    expect(mask('rank', 2)).toEqual([0, 1, 1, 0, 1, 0, 1]);
    expect(mask('dense_rank', 2)).toEqual([0, 1, 1, 1, 1, 1, 1]);
    expect(mask('dense_rank', 3)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    // Ascending order of the returned rows (gather keeps input order).
    expect(Array.from(groupLimitSelection(gids, 2, vals, 7, 'row_number', 1)!)).toEqual([1, 4]);
  });
});

describe.each(['local', 'local[2]'])('columnar ORDER BY on %s', (master) => {
  const rows = makeRows(500);
  const df = (): DataFrame => sessions[master]!.createDataFrame(rows, 'id int, g string, h int, v double, s string').repartition(3);

  it('orders by a string, an int descending and a double with nulls last, across range partitions', async () => {
    const keys: Key[] = [
      { f: (r) => r.g, asc: true, nullsFirst: true },
      { f: (r) => r.h, asc: false, nullsFirst: false },
      { f: (r) => r.v, asc: true, nullsFirst: false },
    ];
    const got = (await df().orderBy('g', col('h').desc(), F.asc_nulls_last('v')).collect()) as { id: number }[];
    expect(got.length).toBe(rows.length);
    expect(new Set(got.map((r) => r.id)).size).toBe(rows.length);
    for (let i = 1; i < got.length; i++) expect(compareRows(rows[got[i - 1]!.id]!, rows[got[i]!.id]!, keys)).toBeLessThanOrEqual(0);
  });

  it('ranks every key when the first leaves long runs of ties (and breaks short runs by comparing values)', async () => {
    const many = makeRows(3000);
    const keys: Key[] = [
      { f: (r) => r.h, asc: true, nullsFirst: true },
      { f: (r) => r.s, asc: false, nullsFirst: false },
      { f: (r) => r.v, asc: true, nullsFirst: true },
    ];
    const d = sessions[master]!.createDataFrame(many, 'id int, g string, h int, v double, s string').repartition(1);
    const got = (await d.orderBy('h', col('s').desc(), 'v').collect()) as { id: number }[];
    expect(got.length).toBe(many.length);
    for (let i = 1; i < got.length; i++) expect(compareRows(many[got[i - 1]!.id]!, many[got[i]!.id]!, keys)).toBeLessThanOrEqual(0);
  });

  it('orders doubles descending with nulls first and NaN above infinity', async () => {
    const got = (await df().orderBy(F.desc_nulls_first('v'), 'id').select('v', 'id').collect()) as { v: number | null; id: number }[];
    const want = [...rows].sort((a, b) => cmp(a.v, b.v, false, true) || a.id - b.id).map((r) => [r.v, r.id]);
    expect(got.map((r) => [r.v, r.id])).toEqual(want);
    expect(Number.isNaN(got.find((r) => r.v !== null)!.v)).toBe(true);
  });
});
