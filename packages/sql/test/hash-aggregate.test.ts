import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context } from '@kindling/core';
import { Session, col, lit, functions as F, type DataFrame } from '@kindling/sql';

// The columnar hash aggregate (exec/hash-agg): group ids from typed key words and string dictionaries, states in
// typed arrays, partial states shuffled as Arrow batches. These pin Spark's key equality and aggregate semantics
// on that path, against answers computed here row by row.

let spark: Session;
beforeAll(() => {
  spark = new Session(new Context({ master: 'local[2]' }), new Map([['spark.sql.shuffle.partitions', '3']]));
});
afterAll(async () => {
  await spark.stop();
});

const byKey = (rows: Record<string, unknown>[], key: (r: Record<string, unknown>) => string) =>
  Object.fromEntries(rows.map((r) => [key(r), r]));

/** groupBy(a, b).agg(count, sum(id)) over rows id = 0..N-1 equals the answer computed here from a(id), b(id). */
async function expectCountSumByAB(df: DataFrame, N: number, a: (i: number) => string | null, b: (i: number) => string | null) {
  const exp = new Map<string, { n: number; s: number }>();
  for (let i = 0; i < N; i++) {
    const k = JSON.stringify([a(i), b(i)]);
    const e = exp.get(k) ?? { n: 0, s: 0 };
    e.n++;
    e.s += i;
    exp.set(k, e);
  }
  const out = await df.groupBy('a', 'b').agg(F.count('*').alias('n'), F.sum('id').alias('s')).collect();
  expect(out).toHaveLength(exp.size);
  const wrong = out.filter((r) => {
    const e = exp.get(JSON.stringify([r.a, r.b]));
    return !e || Number(r.n) !== e.n || Number(r.s) !== e.s;
  });
  expect(wrong).toEqual([]);
}

describe('columnar hash aggregate', () => {
  it('null keys form one group; nulls are ignored by the aggregates', async () => {
    const df = spark.createDataFrame(
      [
        ['a', 1, 1.5],
        [null, 2, null],
        ['a', null, 2.5],
        [null, 4, 4.0],
        ['b', null, null],
      ],
      'k string, v int, d double',
    );
    const out = await df
      .groupBy('k')
      .agg(F.count('*').alias('n'), F.count('v').alias('nv'), F.sum('v').alias('s'), F.avg('d').alias('a'), F.min('v').alias('lo'), F.max('d').alias('hi'))
      .collect();
    const m = byKey(out, (r) => String(r.k));
    expect(out).toHaveLength(3);
    expect(m['a']).toEqual({ k: 'a', n: 2n, nv: 1n, s: 1n, a: 2, lo: 1, hi: 2.5 });
    expect(m['null']).toEqual({ k: null, n: 2n, nv: 2n, s: 6n, a: 4, lo: 2, hi: 4 });
    expect(m['b']).toEqual({ k: 'b', n: 1n, nv: 0n, s: null, a: null, lo: null, hi: null });
  });

  it('NaN keys are one group and -0.0 groups with 0.0 (Spark key equality)', async () => {
    const df = spark.createDataFrame([[NaN], [0.0], [-0.0], [NaN], [1.5], [null]], 'x double');
    const out = await df.groupBy('x').agg(F.count('*').alias('n')).collect();
    const m = byKey(out, (r) => (Object.is(r.x, -0) ? '0' : String(r.x)));
    expect(Object.keys(m).sort()).toEqual(['0', '1.5', 'NaN', 'null']);
    expect(m['NaN']!.n).toBe(2n);
    expect(m['0']!.n).toBe(2n);
    expect(m['null']!.n).toBe(1n);
  });

  it('sums integers exactly into bigint and raises ARITHMETIC_OVERFLOW past 64 bits', async () => {
    const big = spark.createDataFrame(
      Array.from({ length: 6 }, (_, i) => [i % 2, 2147483647, -2147483648]),
      'k int, a int, b int',
    );
    const sums = await big.groupBy('k').agg(F.sum('a').alias('a'), F.sum('b').alias('b')).collect();
    for (const r of sums) {
      expect(r.a).toBe(3n * 2147483647n);
      expect(r.b).toBe(3n * -2147483648n);
    }
    const longs = spark.createDataFrame(
      [
        [1, 9223372036854775000n],
        [1, -5n],
        [2, -9223372036854775807n],
        [2, -1n],
      ],
      'k int, v bigint',
    );
    const ok = byKey(await longs.groupBy('k').agg(F.sum('v').alias('s')).collect(), (r) => String(r.k));
    expect(ok['1']!.s).toBe(9223372036854774995n);
    expect(ok['2']!.s).toBe(-9223372036854775808n);
    const over = spark.createDataFrame(
      [
        [1, 9223372036854775807n],
        [1, 1n],
      ],
      'k int, v bigint',
    );
    await expect(over.groupBy('k').agg(F.sum('v')).collect()).rejects.toThrow(/ARITHMETIC_OVERFLOW/);
    const under = spark.createDataFrame([[-9223372036854775808n], [-1n]], 'v bigint');
    await expect(under.agg(F.sum('v')).collect()).rejects.toThrow(/long overflow in sum/);
  });

  it('many groups across batches, tasks and reduce partitions', async () => {
    // range() batches are 65,536 rows: 160,000 rows over 2 partitions, 50,000 groups, each met in several batches.
    const df = spark.range(0, 160_000, 1, 2).select(col('id').mod(lit(50_000)).alias('g'), col('id'));
    const out = await df.groupBy('g').agg(F.count('*').alias('n'), F.sum('id').alias('s'), F.max('id').alias('mx')).collect();
    expect(out).toHaveLength(50_000);
    const wrong = out.filter((r) => {
      const g = Number(r.g);
      const ids = [g, g + 50_000, g + 100_000, g + 150_000].filter((x) => x < 160_000);
      return r.n !== BigInt(ids.length) || r.s !== BigInt(ids.reduce((a, b) => a + b, 0)) || r.mx !== BigInt(Math.max(...ids));
    });
    expect(wrong).toEqual([]);
  });

  it('multi-column keys of mixed types, with nulls in every key column', async () => {
    const rows: unknown[][] = [];
    const s = ['x', 'y', null];
    for (let i = 0; i < 600; i++) {
      rows.push([
        s[i % 3],
        i % 4 === 3 ? null : i % 4,
        i % 5 === 4 ? null : (i % 5) / 2,
        i % 7 === 6 ? null : BigInt(i % 7) * 10_000_000_000n,
        i % 2 === 0,
        i,
      ]);
    }
    const df = spark.createDataFrame(rows, 's string, i int, d double, l bigint, b boolean, v int');
    const out = await df.groupBy('s', 'i', 'd', 'l', 'b').agg(F.count('*').alias('n'), F.sum('v').alias('sv')).collect();
    const expected = new Map<string, { n: number; sv: number }>();
    for (const r of rows) {
      const k = JSON.stringify(r.slice(0, 5), (_, x) => (typeof x === 'bigint' ? x.toString() : x));
      const e = expected.get(k) ?? { n: 0, sv: 0 };
      e.n++;
      e.sv += r[5] as number;
      expected.set(k, e);
    }
    expect(out).toHaveLength(expected.size);
    for (const r of out) {
      const k = JSON.stringify([r.s, r.i, r.d, r.l, r.b], (_, x) => (typeof x === 'bigint' ? x.toString() : x));
      expect({ n: Number(r.n), sv: Number(r.sv) }).toEqual(expected.get(k));
    }
  });

  it('string keys with non-ASCII text, read from Arrow bytes (cached) and computed (JS strings) alike', async () => {
    const words = ['é', 'e\u0301', '日本', '', 'straße', 'Straße', null, '😀'];
    const rows = Array.from({ length: 400 }, (_, i) => [words[i % words.length], 1]);
    const base = spark.createDataFrame(rows, 'w string, one int');
    const cached = base.cache();
    const fromBytes = await cached.groupBy('w').agg(F.sum('one').alias('n')).collect();
    const computed = await base.groupBy(F.concat(col('w'), lit('')).alias('w')).agg(F.sum('one').alias('n')).collect();
    for (const out of [fromBytes, computed]) {
      expect(out).toHaveLength(words.length);
      const m = new Map(out.map((r) => [r.w, r.n]));
      for (const w of words) expect(m.get(w)).toBe(50n);
    }
    cached.unpersist();
  });

  it('cached DataFrames keep repetitive strings dictionary-encoded; keys, joins, toArrow and writes read them as strings', async () => {
    const words = ['ä', 'b', null, 'ccc', ''];
    const rows = Array.from({ length: 3000 }, (_, i) => [words[i % 5], i % 7 === 0 ? null : 'u' + (i % 3), i]);
    const cached = spark.createDataFrame(rows, 'w string, u string, v int').cache();
    const out = await cached.groupBy('w', 'u').agg(F.count('*').alias('n'), F.sum('v').alias('s')).collect();
    const expected = new Map<string, { n: number; s: number }>();
    for (const [w, u, v] of rows) {
      const k = JSON.stringify([w, u]);
      const e = expected.get(k) ?? { n: 0, s: 0 };
      e.n++;
      e.s += v as number;
      expected.set(k, e);
    }
    expect(out).toHaveLength(expected.size);
    for (const r of out) expect({ n: Number(r.n), s: Number(r.s) }).toEqual(expected.get(JSON.stringify([r.w, r.u])));
    const names = spark.createDataFrame([['ä', 'umlaut'], ['ccc', 'three'], ['', 'empty']], 'w string, label string');
    const joined = await cached.join(names, 'w').groupBy('label').agg(F.count('*').alias('n')).collect();
    expect(Object.fromEntries(joined.map((r) => [r.label, r.n]))).toEqual({ umlaut: 600n, three: 600n, empty: 600n });
    const table = await cached.toArrow();
    expect(table.schema.fields.map((f) => String(f.type))).toEqual(['Utf8', 'Utf8', 'Int32']);
    expect(table.getChild('w')!.get(2)).toBe(null);
    expect(table.getChild('w')!.get(0)).toBe('ä');
    cached.unpersist();
  });

  it('a single dictionary-coded string key (group id = code): nulls, filtered batches, no rows, many batches', async () => {
    // 70,000 rows: two cached batches with dictionaries of their own, a NULL key and a NULL value in each.
    const words = ['x', 'yy', null, 'zzz', 'é'];
    const rows = Array.from({ length: 70_000 }, (_, i) => [words[i % 5], i % 11 === 0 ? null : i % 100]);
    const cached = spark.createDataFrame(rows, 'w string, v int').cache();
    const expected = (keep: (v: number | null, i: number) => boolean) => {
      const m = new Map<string | null, { n: number; s: number | null }>();
      rows.forEach(([w, v], i) => {
        if (!keep(v as number | null, i)) return;
        const e = m.get(w as string | null) ?? { n: 0, s: null };
        e.n++;
        if (v !== null) e.s = (e.s ?? 0) + (v as number);
        m.set(w as string | null, e);
      });
      return m;
    };
    const check = (out: Record<string, unknown>[], m: Map<string | null, { n: number; s: number | null }>) => {
      expect(out).toHaveLength(m.size);
      for (const r of out) expect({ n: Number(r.n), s: r.s === null ? null : Number(r.s) }).toEqual(m.get(r.w as string | null));
    };
    check(await cached.groupBy('w').agg(F.count('*').alias('n'), F.sum('v').alias('s')).collect(), expected(() => true));
    // After a filter only some dictionary entries have rows: the others must not become (empty) groups.
    const few = cached.filter(col('w').isin('x', 'zzz').or(col('w').isNull()));
    check(await few.groupBy('w').agg(F.count('*').alias('n'), F.sum('v').alias('s')).collect(), expected((_, i) => [0, 2, 3].includes(i % 5)));
    expect(await cached.filter(col('v').gt(1000)).groupBy('w').agg(F.sum('v')).collect()).toEqual([]);
    cached.unpersist();
  });

  it('a single int key (group id = code): negatives, values past the direct table, nulls, dates and booleans', async () => {
    // 150,000 rows in 2 partitions: keys 0..4999, negatives, a few past 2^20 (too far for the direct table: hashed), NULL.
    const key = (i: number) => (i % 13 === 0 ? null : i % 3 === 0 ? -(i % 700) : i % 3 === 1 ? (i % 5000) : 2_000_000 + (i % 900));
    const df = spark.range(0, 150_000, 1, 2).select(col('id'));
    const keyed = df.select(
      F.when(col('id').mod(lit(13)).equalTo(lit(0)), lit(null).cast('int'))
        .when(col('id').mod(lit(3)).equalTo(lit(0)), col('id').mod(lit(700)).multiply(lit(-1)).cast('int'))
        .when(col('id').mod(lit(3)).equalTo(lit(1)), col('id').mod(lit(5000)).cast('int'))
        .otherwise(col('id').mod(lit(900)).plus(lit(2_000_000)).cast('int'))
        .alias('k'),
      col('id'),
    );
    const out = await keyed.groupBy('k').agg(F.count('*').alias('n'), F.sum('id').alias('s')).collect();
    const exp = new Map<number | null, { n: number; s: number }>();
    for (let i = 0; i < 150_000; i++) {
      const e = exp.get(key(i)) ?? { n: 0, s: 0 };
      e.n++;
      e.s += i;
      exp.set(key(i), e);
    }
    expect(out).toHaveLength(exp.size);
    const wrong = out.filter((r) => {
      const e = exp.get(r.k === null ? null : Number(r.k));
      return !e || Number(r.n) !== e.n || Number(r.s) !== e.s;
    });
    expect(wrong).toEqual([]);
    const small = spark.createDataFrame(
      [
        ['2024-01-02', true, 1],
        [null, false, 2],
        ['2024-01-02', null, 3],
        ['1969-12-31', true, 4],
      ],
      'd string, b boolean, v int',
    ).select(col('d').cast('date').alias('d'), col('b'), col('v'));
    const byDate = byKey(await small.groupBy('d').agg(F.sum('v').alias('s')).collect(), (r) => String(r.d));
    expect(Object.keys(byDate)).toHaveLength(3);
    expect(byDate['null']!.s).toBe(2n);
    expect(Object.values(byDate).map((r) => Number(r.s)).sort()).toEqual([2, 4, 4]);
    const byBool = byKey(await small.groupBy('b').agg(F.sum('v').alias('s')).collect(), (r) => String(r.b));
    expect(byBool).toEqual({ true: { b: true, s: 5n }, false: { b: false, s: 2n }, null: { b: null, s: 3n } });
  });

  it('integer sums stay exact past 2^53 in one group (the double accumulator spills into its exact form)', async () => {
    // One task, one group of 4.25M rows of 2^31 - 1: about 9.1e15, past 2^53, where a plain double sum would round.
    const n = 4_300_000;
    const cut = 4_250_000;
    const df = spark
      .range(0, n, 1, 1)
      .select(col('id').lt(lit(cut)).alias('k'), F.when(col('id').lt(lit(cut)), lit(2147483647)).otherwise(lit(-2147483648)).alias('v'));
    const m = byKey(await df.groupBy('k').agg(F.sum('v').alias('s'), F.count('v').alias('c')).collect(), (r) => String(r.k));
    expect(m['true']!.s).toBe(BigInt(cut) * 2147483647n);
    expect(m['false']!.s).toBe(BigInt(n - cut) * -2147483648n);
    expect(m['true']!.c).toBe(BigInt(cut));
  });

  it('decimal keys and sums, collect_list and DISTINCT run next to columnar aggregates', async () => {
    const df = spark.createDataFrame(
      [
        ['1.10', 'a', 1],
        ['1.10', 'b', 1],
        ['2.25', 'a', 2],
        [null, 'a', 3],
        ['2.25', 'a', 2],
      ],
      'p string, t string, v int',
    ).select(col('p').cast('decimal(10,2)').alias('p'), col('t'), col('v'));
    const out = await df
      .groupBy('p')
      .agg(F.sum('p').alias('sp'), F.countDistinct('t').alias('dt'), F.sum('v').alias('sv'), F.collect_list('t').alias('ts'))
      .collect();
    const m = byKey(out, (r) => String(r.p));
    // collect() gives decimals as JS numbers.
    expect(Object.keys(m).sort()).toEqual(['1.1', '2.25', 'null']);
    expect(m['1.1']).toMatchObject({ sp: 2.2, dt: 2n, sv: 2n });
    expect([...(m['1.1']!.ts as string[])].sort()).toEqual(['a', 'b']);
    expect(m['2.25']).toMatchObject({ sp: 4.5, dt: 1n, sv: 4n, ts: ['a', 'a'] });
    expect(m['null']).toMatchObject({ sp: null, dt: 1n, sv: 3n });
  });

  it('first/last with ignoreNulls, min/max with NaN, variance family', async () => {
    const df = spark.createDataFrame(
      [
        [1, null, 1.0],
        [1, 'p', NaN],
        [1, null, 3.0],
        [2, 'q', 2.0],
        [2, 'r', 4.0],
      ],
      'k int, s string, x double',
    ).coalesce(1);
    const out = await df
      .groupBy('k')
      .agg(
        F.first('s', true).alias('f'),
        F.last('s').alias('l'),
        F.max('x').alias('mx'),
        F.min('x').alias('mn'),
        F.stddev('x').alias('sd'),
        F.var_pop('x').alias('vp'),
      )
      .collect();
    const m = byKey(out, (r) => String(r.k));
    expect(m['1']!.f).toBe('p');
    expect(m['1']!.l).toBe(null);
    expect(m['1']!.mx).toBeNaN();
    expect(m['1']!.mn).toBe(1);
    expect(m['2']).toMatchObject({ f: 'q', l: 'r', mx: 4, mn: 2, vp: 1 });
    expect(m['2']!.sd).toBeCloseTo(Math.SQRT2, 12);
  });

  it('global aggregates (no keys) fold a batch at a time: NULLs, all-NULL columns, exact int sums past 2^53', async () => {
    const n = 200_000;
    const df = spark
      .range(0, n, 1, 3)
      .select(
        F.when(col('id').mod(lit(7)).equalTo(lit(0)), lit(null)).otherwise(col('id').divide(lit(4))).alias('d'),
        F.when(col('id').mod(lit(5)).equalTo(lit(0)), lit(null).cast('int')).otherwise(col('id').cast('int')).alias('i'),
        lit(null).cast('double').alias('none'),
      );
    const [r] = await df.agg(F.count('*').alias('n'), F.count('d').alias('cd'), F.sum('d').alias('sd'), F.avg('d').alias('ad'), F.sum('i').alias('si'), F.count('i').alias('ci'), F.sum('none').alias('sn'), F.count('none').alias('cn'), F.avg('none').alias('an')).collect();
    let cd = 0, sd = 0, si = 0n, ci = 0;
    for (let id = 0; id < n; id++) {
      if (id % 7 !== 0) (cd++, (sd += id / 4));
      if (id % 5 !== 0) (ci++, (si += BigInt(id)));
    }
    // The doubles are multiples of 1/4 below 2^53: their sum is exact in any order.
    expect(r).toEqual({ n: BigInt(n), cd: BigInt(cd), sd, ad: sd / cd, si, ci: BigInt(ci), sn: null, cn: 0n, an: null });
    const big = spark.range(0, 4_300_000, 1, 1).select(lit(2147483647).alias('v'));
    const [b] = await big.agg(F.sum('v').alias('s')).collect();
    expect(b!.s).toBe(4_300_000n * 2147483647n);
  });

  it('avg of small ints (read without a cast), sums and min/max of every numeric kind, across tasks, with all-null groups', async () => {
    // 200,000 rows over 3 partitions (several batches each), 97 groups; group 5 has only NULL values.
    const N = 200_000;
    const isNull = (id: number) => id % 7 === 0 || id % 97 === 5;
    const fI = (id: number) => ((id * 7919) % 20001) - 10000;
    const fB = (id: number) => (id % 200) - 100;
    const fS = (id: number) => ((id * 31) % 60000) - 30000;
    const fF = (id: number) => (id % 1000) / 8;
    const nul = (c: ReturnType<typeof col>) => F.when(col('id').mod(lit(7)).equalTo(lit(0)).or(col('id').mod(lit(97)).equalTo(lit(5))), lit(null)).otherwise(c);
    const df = spark.range(0, N, 1, 3).select(
      col('id').mod(lit(97)).cast('int').alias('k'),
      nul(col('id').multiply(lit(7919)).mod(lit(20001)).minus(lit(10000))).cast('int').alias('i'),
      nul(col('id').mod(lit(200)).minus(lit(100))).cast('tinyint').alias('b'),
      nul(col('id').multiply(lit(31)).mod(lit(60000)).minus(lit(30000))).cast('smallint').alias('s'),
      nul(col('id').mod(lit(1000)).divide(lit(8))).cast('float').alias('f'),
      nul(col('id').mod(lit(3)).equalTo(lit(0))).alias('t'),
      nul(col('id')).alias('l'),
    );
    const out = await df
      .groupBy('k')
      .agg(
        F.avg('i').alias('ai'), F.avg('b').alias('ab'), F.avg('s').alias('as'),
        F.sum('i').alias('si'), F.sum('b').alias('sb'), F.sum('l').alias('sl'),
        F.min('i').alias('ni'), F.max('i').alias('xi'), F.min('b').alias('nb'), F.max('s').alias('xs'),
        F.min('f').alias('nf'), F.max('f').alias('xf'), F.max('t').alias('xt'), F.min('t').alias('nt'),
      )
      .collect();
    expect(out).toHaveLength(97);
    type Acc = { n: number; i: number[]; b: number[]; s: number[]; f: number[]; t: boolean[]; l: number };
    const exp = new Map<number, Acc>();
    for (let id = 0; id < N; id++) {
      const k = id % 97;
      const e = exp.get(k) ?? { n: 0, i: [], b: [], s: [], f: [], t: [], l: 0 };
      exp.set(k, e);
      if (isNull(id)) continue;
      e.n++;
      e.i.push(fI(id));
      e.b.push(fB(id));
      e.s.push(fS(id));
      e.f.push(fF(id));
      e.t.push(id % 3 === 0);
      e.l += id;
    }
    const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
    const wrong = out.filter((r) => {
      const e = exp.get(r.k as number)!;
      if (e.n === 0) return Object.entries(r).some(([c, v]) => c !== 'k' && v !== null);
      const want = {
        k: r.k, ai: sum(e.i) / e.n, ab: sum(e.b) / e.n, as: sum(e.s) / e.n,
        si: BigInt(sum(e.i)), sb: BigInt(sum(e.b)), sl: BigInt(e.l),
        ni: Math.min(...e.i), xi: Math.max(...e.i), nb: Math.min(...e.b), xs: Math.max(...e.s),
        nf: Math.min(...e.f), xf: Math.max(...e.f), xt: e.t.some((x) => x), nt: e.t.every((x) => x),
      };
      return JSON.stringify(r, (_, v) => (typeof v === 'bigint' ? `${v}n` : v)) !== JSON.stringify(want, (_, v) => (typeof v === 'bigint' ? `${v}n` : v));
    });
    expect(wrong).toEqual([]);
    expect(out.find((r) => r.k === 5)).toEqual({ k: 5, ai: null, ab: null, as: null, si: null, sb: null, sl: null, ni: null, xi: null, nb: null, xs: null, nf: null, xf: null, xt: null, nt: null });
  });

  it('an integer sum of zero is 0, not NULL: groups of zeros, of values that cancel, and of NULLs only', async () => {
    const df = spark.createDataFrame(
      ([[1, 5], [2, 0], [3, null], [4, 0], [1, -5], [4, null], [5, -3], [5, 3], [5, 0], [4, 0]] as [number, number | null][]).map(
        ([k, v]) => [k, v, v === null ? null : BigInt(v)],
      ),
      'k int, v int, b bigint',
    ).repartition(3);
    const sums = [F.sum('v').alias('s'), F.sum(col('v').cast('tinyint')).alias('t'), F.sum('b').alias('b')];
    const m = byKey(await df.groupBy('k').agg(...sums).collect(), (r) => String(r.k));
    expect(m).toEqual({
      1: { k: 1, s: 0n, t: 0n, b: 0n },
      2: { k: 2, s: 0n, t: 0n, b: 0n },
      3: { k: 3, s: null, t: null, b: null },
      4: { k: 4, s: 0n, t: 0n, b: 0n },
      5: { k: 5, s: 0n, t: 0n, b: 0n },
    });
  });

  it('a global aggregate of no rows gives one row; a grouped one gives none', async () => {
    const empty = spark.range(0, 10).filter(col('id').gt(100));
    expect(await empty.agg(F.count('*').alias('n'), F.sum('id').alias('s'), F.avg('id').alias('a')).collect()).toEqual([{ n: 0n, s: null, a: null }]);
    expect(await empty.groupBy('id').agg(F.count('*')).collect()).toEqual([]);
  });
  it('string keys cross the shuffle as codes into per-output dictionaries: several chunks per output, NULLs, two keys', async () => {
    // 600,000 rows, 2 map tasks, 3 reduce partitions: ~95,000 (a, b) groups per map output, so each output's
    // dictionaries grow over two chunks of 65,536 groups; a has ~300,000 values and NULLs, b 3 values and NULLs.
    const N = 600_000;
    const a = (i: number) => (i % 19 === 0 ? null : `a${i % 300_007}`);
    const b = (i: number) => (i % 23 === 0 ? null : `b${i % 3}`);
    const df = spark.range(0, N, 1, 2).select(
      F.when(col('id').mod(lit(19)).equalTo(lit(0)), lit(null).cast('string')).otherwise(F.concat(lit('a'), col('id').mod(lit(300_007)).cast('string'))).alias('a'),
      F.when(col('id').mod(lit(23)).equalTo(lit(0)), lit(null).cast('string')).otherwise(F.concat(lit('b'), col('id').mod(lit(3)).cast('string'))).alias('b'),
      col('id'),
    );
    await expectCountSumByAB(df, N, a, b);
    const one = await df.groupBy('a').agg(F.count('*').alias('n')).collect();
    expect(one).toHaveLength(new Set(Array.from({ length: N }, (_, i) => a(i))).size);
  });
  it('two coded keys: a direct table of their code pairs, handed to a GroupTable when the codes outgrow it', async () => {
    // Per partition (100,000 rows, batches of 65,536): the first batch has 50 x 20 code pairs (direct table), the
    // second brings ~3,000 values of a and ~1,500 of b (past the direct table's 2^22 entries) and NULLs.
    const N = 200_000;
    const a = (i: number) => (i % 100_000 < 65_536 ? `a${i % 50}` : i % 13 === 0 ? null : `a${i % 3001}`);
    const b = (i: number) => (i % 100_000 < 65_536 ? `b${i % 20}` : `b${i % 1500}`);
    const inFirst = col('id').mod(lit(100_000)).lt(lit(65_536));
    const df = spark.range(0, N, 1, 2).select(
      F.when(inFirst, F.concat(lit('a'), col('id').mod(lit(50)).cast('string')))
        .when(col('id').mod(lit(13)).equalTo(lit(0)), lit(null).cast('string'))
        .otherwise(F.concat(lit('a'), col('id').mod(lit(3001)).cast('string')))
        .alias('a'),
      F.when(inFirst, F.concat(lit('b'), col('id').mod(lit(20)).cast('string')))
        .otherwise(F.concat(lit('b'), col('id').mod(lit(1500)).cast('string')))
        .alias('b'),
      col('id'),
    );
    for (const input of [df, df.cache()]) await expectCountSumByAB(input, N, a, b);
  });
});

export type { DataFrame };
