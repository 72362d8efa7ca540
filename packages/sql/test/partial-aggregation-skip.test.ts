import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context } from '@kindling/core';
import { Session, col, lit, functions as F, type DataFrame } from '@kindling/sql';

// Adaptive partial aggregation (exec/task-ops.ts PartialSkip): a partial aggregate that finds about a group per row
// after its first rows hands out its groups and passes its other rows to the shuffle as groups of their own. The
// final aggregate must meet every key's table group and passed-through rows in one reduce partition, whatever the
// key types, NULLs and string sources; answers are checked against sums computed here row by row.

const sessions: Session[] = [];
function session(conf: Record<string, string>): Session {
  const s = new Session(new Context({ master: 'local[2]' }), new Map([['spark.sql.shuffle.partitions', '3'], ...Object.entries(conf)]));
  sessions.push(s);
  return s;
}
let skipAll: Session; // passes every row after the first batch through
let never: Session;
beforeAll(() => {
  skipAll = session({ 'spark.sql.aggregate.adaptivePartial.minRows': '1', 'spark.sql.aggregate.adaptivePartial.ratio': '0' });
  never = session({ 'spark.sql.aggregate.adaptivePartial.enabled': 'false' });
});
afterAll(async () => {
  for (const s of sessions) await s.stop();
});

const N = 150_000;
// Keys repeat within a task (so the table's groups and later passed-through rows share keys) and hold NULLs in
// every column: s (string, 1,000 values), t (string, 7), i (int), d (double with -0.0 and NaN), l (bigint).
const key = (id: number) => {
  const s = id % 17 === 0 ? null : `s${id % 1000}`;
  const t = id % 11 === 0 ? null : `t${id % 7}`;
  const i = id % 13 === 0 ? null : (id % 301) - 150;
  const dm = id % 9;
  const d = dm === 0 ? null : dm === 1 ? -0 : dm === 2 ? NaN : dm === 3 ? 0 : dm / 4;
  const l = id % 19 === 0 ? null : BigInt(id % 5) * 10_000_000_000n;
  return { s, t, i, d, l };
};
const v = (id: number) => (id % 10 === 0 ? null : id % 1000);

function frame(spark: Session): DataFrame {
  const id = col('id');
  const m = (k: number) => id.mod(lit(k));
  return spark.range(0, N, 1, 2).select(
    F.when(m(17).equalTo(lit(0)), lit(null).cast('string')).otherwise(F.concat(lit('s'), m(1000).cast('string'))).alias('s'),
    F.when(m(11).equalTo(lit(0)), lit(null).cast('string')).otherwise(F.concat(lit('t'), m(7).cast('string'))).alias('t'),
    F.when(m(13).equalTo(lit(0)), lit(null).cast('int')).otherwise(m(301).minus(lit(150)).cast('int')).alias('i'),
    F.when(m(9).equalTo(lit(0)), lit(null).cast('double'))
      .when(m(9).equalTo(lit(1)), lit(-0.0))
      .when(m(9).equalTo(lit(2)), lit(NaN))
      .when(m(9).equalTo(lit(3)), lit(0.0))
      .otherwise(m(9).cast('double').divide(lit(4)))
      .alias('d'),
    F.when(m(19).equalTo(lit(0)), lit(null).cast('bigint')).otherwise(m(5).multiply(lit(10_000_000_000n))).alias('l'),
    F.when(m(10).equalTo(lit(0)), lit(null).cast('int')).otherwise(m(1000).cast('int')).alias('v'),
  );
}

/** Spark's key equality for the expected groups: -0.0 is 0.0, NaN is one value. */
const keyText = (k: { s: unknown; t: unknown; i: unknown; d: unknown; l: unknown }) =>
  JSON.stringify([k.s, k.t, k.i, Object.is(k.d, -0) ? 0 : typeof k.d === 'number' && Number.isNaN(k.d) ? 'NaN' : k.d, k.l === null ? null : String(k.l)]);

function expected(): Map<string, { n: number; nv: number; sv: number; mn: number | null; mx: number | null }> {
  const exp = new Map<string, { n: number; nv: number; sv: number; mn: number | null; mx: number | null }>();
  for (let id = 0; id < N; id++) {
    const k = keyText(key(id));
    const e = exp.get(k) ?? { n: 0, nv: 0, sv: 0, mn: null, mx: null };
    e.n++;
    const x = v(id);
    if (x !== null) {
      e.nv++;
      e.sv += x;
      e.mn = e.mn === null ? x : Math.min(e.mn, x);
      e.mx = e.mx === null ? x : Math.max(e.mx, x);
    }
    exp.set(k, e);
  }
  return exp;
}

async function check(df: DataFrame, keys: string[]): Promise<void> {
  const out = await df
    .groupBy(...keys)
    .agg(F.count('*').alias('n'), F.count('v').alias('nv'), F.sum('v').alias('sv'), F.min('v').alias('mn'), F.max('v').alias('mx'), F.avg('v').alias('av'))
    .collect();
  const exp = new Map<string, { n: number; nv: number; sv: number; mn: number | null; mx: number | null }>();
  for (const [k, e] of expected()) {
    const full = JSON.parse(k) as unknown[];
    const sub = JSON.stringify(['s', 't', 'i', 'd', 'l'].map((c, j) => (keys.includes(c) ? full[j] : undefined)));
    const a = exp.get(sub) ?? { n: 0, nv: 0, sv: 0, mn: null, mx: null };
    a.n += e.n;
    a.nv += e.nv;
    a.sv += e.sv;
    if (e.mn !== null) a.mn = a.mn === null ? e.mn : Math.min(a.mn, e.mn);
    if (e.mx !== null) a.mx = a.mx === null ? e.mx : Math.max(a.mx, e.mx);
    exp.set(sub, a);
  }
  expect(out).toHaveLength(exp.size);
  const wrong = out.filter((r) => {
    const full = JSON.parse(keyText({ s: r.s ?? null, t: r.t ?? null, i: r.i ?? null, d: r.d ?? null, l: r.l ?? null })) as unknown[];
    const sub = JSON.stringify(['s', 't', 'i', 'd', 'l'].map((c, j) => (keys.includes(c) ? full[j] : undefined)));
    const e = exp.get(sub);
    const av = e && e.nv > 0 ? e.sv / e.nv : null;
    return (
      !e ||
      Number(r.n) !== e.n ||
      Number(r.nv) !== e.nv ||
      (r.sv === null ? null : Number(r.sv)) !== (e.nv ? e.sv : null) ||
      r.mn !== e.mn ||
      r.mx !== e.mx ||
      (av === null ? r.av !== null : Math.abs((r.av as number) - av) > 1e-9)
    );
  });
  expect(wrong).toEqual([]);
}

describe('adaptive partial aggregation', () => {
  it('passed-through rows meet their keys groups: strings, ints, doubles (-0.0, NaN), bigints, NULLs in each', async () => {
    await check(frame(skipAll), ['s', 't', 'i', 'd', 'l']);
    await check(frame(skipAll), ['i', 's']);
  });

  it('the same over cached (dictionary-encoded) string columns, and with one or two keys', async () => {
    const cached = frame(skipAll).cache();
    await check(cached, ['s', 't', 'i', 'd', 'l']);
    await check(cached, ['s']);
    await check(cached, ['i']);
    await check(cached, ['s', 't']); // PairCodes
    await check(cached, ['s', 't', 'i']); // PackedKeys
    await check(cached, ['d', 'l']); // GroupTable
  });

  it('the default thresholds pass nearly unique keys through and answer as a session that never skips', async () => {
    // ~75,000 rows per task, all distinct (id) next to a repeating string: past minRows and the ratio.
    const q = (s: Session) =>
      s
        .range(0, 300_000, 1, 2)
        .select(col('id'), F.concat(lit('k'), col('id').mod(lit(3)).cast('string')).alias('k'))
        .groupBy('k', 'id')
        .agg(F.count('*').alias('n'), F.sum('id').alias('s'))
        .agg(F.count('*').alias('groups'), F.sum('n').alias('rows'), F.sum('s').alias('total'))
        .collect();
    const want = [{ groups: 300_000n, rows: 300_000n, total: BigInt((300_000 * 299_999) / 2) }];
    expect(await q(never)).toEqual(want);
    expect(await q(session({}))).toEqual(want);
  });

  it('aggregates without a columnar form (DISTINCT, collect_list) keep aggregating', async () => {
    const df = frame(skipAll);
    const out = await df.groupBy('t').agg(F.countDistinct('s').alias('ds'), F.collect_set('i').alias('is')).collect();
    const ref = await frame(never).groupBy('t').agg(F.countDistinct('s').alias('ds'), F.collect_set('i').alias('is')).collect();
    const norm = (rows: Record<string, unknown>[]) =>
      rows.map((r) => JSON.stringify({ ...r, is: [...(r.is as (number | null)[])].sort() }, (_, x) => (typeof x === 'bigint' ? String(x) : x))).sort();
    expect(norm(out)).toEqual(norm(ref));
    expect(out).toHaveLength(8);
  });

  it('rejects malformed settings', async () => {
    expect(() => session({ 'spark.sql.aggregate.adaptivePartial.ratio': 'high' }).planner()).toThrow(/adaptivePartial.ratio/);
    expect(() => session({ 'spark.sql.aggregate.adaptivePartial.enabled': 'yes' }).planner()).toThrow(/adaptivePartial.enabled/);
  });
});
