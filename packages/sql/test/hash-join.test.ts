// The columnar hash join (exec/hash-join): every join type, broadcast and shuffled, against a nested-loop reference
// computed here in plain JS, over keys that exercise each lookup path (dense and sparse integers, bigints outside
// 32 bits, strings plain and dictionary-encoded by the cache, two-column keys), with NULL and duplicate keys and
// empty sides.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context } from '@kindling/core';
import { Session, col, functions as F, type DataFrame } from '@kindling/sql';

let spark: Session;
beforeAll(() => {
  spark = new Session(new Context({ master: 'local[2]' }), new Map([['spark.sql.shuffle.partitions', '3']]));
});
afterAll(async () => {
  await spark.stop();
});

type Row = Record<string, unknown>;
const HOWS = ['inner', 'left', 'right', 'full', 'left_semi', 'left_anti'] as const;

/** Seeded generator, so a failure is reproducible. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const keyEq = (a: unknown[], b: unknown[]) => a.every((x, i) => x !== null && b[i] !== null && x === b[i]);

/** The nested-loop answer: rows as {lv, rv} (null for the missing side), or {lv} for semi / anti joins. */
function reference(left: Row[], right: Row[], keys: string[], how: (typeof HOWS)[number], residual?: (l: Row, r: Row) => boolean): Row[] {
  const out: Row[] = [];
  const matchedR = new Set<number>();
  left.forEach((l) => {
    let any = false;
    right.forEach((r, j) => {
      if (!keyEq(keys.map((k) => l[k]), keys.map((k) => r[k]))) return;
      if (residual && !residual(l, r)) return;
      any = true;
      matchedR.add(j);
      if (how !== 'left_semi' && how !== 'left_anti') out.push({ lv: l.lv, rv: r.rv });
    });
    if (how === 'left_semi' && any) out.push({ lv: l.lv });
    if (how === 'left_anti' && !any) out.push({ lv: l.lv });
    if (!any && (how === 'left' || how === 'full')) out.push({ lv: l.lv, rv: null });
  });
  if (how === 'right' || how === 'full') right.forEach((r, j) => matchedR.has(j) || out.push({ lv: null, rv: r.rv }));
  return out;
}

const sorted = (rows: Row[]) => rows.map((r) => JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v))).sort();

async function joined(l: DataFrame, r: DataFrame, keys: string[], how: (typeof HOWS)[number], extra?: ReturnType<typeof col>) {
  let cond = keys.map((k) => col(`l.${k}`).equalTo(col(`r.${k}`))).reduce((a, b) => a.and(b));
  if (extra) cond = cond.and(extra);
  const j = l.alias('l').join(r.alias('r'), cond, how);
  return how === 'left_semi' || how === 'left_anti' ? j.select('lv').collect() : j.select('lv', 'rv').collect();
}

/** Runs every join type broadcast (default threshold) and shuffled (threshold off), against the reference. */
async function checkAll(left: Row[], right: Row[], schemaL: string, schemaR: string, keys: string[], opts: { cache?: boolean } = {}) {
  const mk = (rows: Row[], schema: string) => {
    const df = spark.createDataFrame(rows, schema);
    return opts.cache ? df.cache() : df;
  };
  const l = mk(left, schemaL);
  const r = mk(right, schemaR);
  for (const threshold of [undefined, '-1']) {
    if (threshold) spark.conf.set('spark.sql.autoBroadcastJoinThreshold', threshold);
    try {
      for (const how of HOWS) {
        const got = sorted(await joined(l, r, keys, how));
        expect(got, `${how} join, broadcast threshold ${threshold ?? 'default'}`).toEqual(sorted(reference(left, right, keys, how)));
      }
    } finally {
      spark.conf.delete('spark.sql.autoBroadcastJoinThreshold');
    }
  }
}

function rows(n: number, seed: number, key: (rand: () => number, i: number) => Row, nullShare = 0.1): Row[] {
  const rand = rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const k = key(rand, i);
    for (const name of Object.keys(k)) if (rand() < nullShare) k[name] = null;
    return { ...k, v: i };
  });
}
const asLeft = (rs: Row[]) => rs.map(({ v, ...k }) => ({ ...k, lv: v }));
const asRight = (rs: Row[]) => rs.map(({ v, ...k }) => ({ ...k, rv: `r${v}` }));

describe('columnar hash join', () => {
  it('dense int keys with duplicates on both sides and NULL keys', async () => {
    const left = asLeft(rows(300, 1, (rand) => ({ k: Math.floor(rand() * 40) })));
    const right = asRight(rows(60, 2, (rand) => ({ k: Math.floor(rand() * 50) - 5 })));
    await checkAll(left, right, 'k int, lv int', 'k int, rv string', ['k']);
  });

  it('sparse int keys (hashed slots), unique on the build side', async () => {
    const left = asLeft(rows(200, 3, (rand) => ({ k: Math.floor(rand() * 100) * 1_000_003 - 50_000_000 })));
    const right = asRight(rows(100, 4, (_rand, i) => ({ k: i * 1_000_003 - 50_000_000 }), 0.05));
    await checkAll(left, right, 'k int, lv int', 'k int, rv string', ['k']);
  });

  it('sparse int keys within a bitmap of their range (semi / anti joins and probes ask the bitmap first), probes outside the range', async () => {
    // build keys over ~9 M values: past the range an array covers for any number of keys, within a bitmap's
    const left = asLeft(rows(300, 13, (rand) => ({ k: Math.floor(rand() * 1400 - 200) * 9973 - 5_000_000 })));
    const right = asRight(rows(150, 14, (_rand, i) => ({ k: i * 6 * 9973 - 5_000_000 }), 0.05));
    await checkAll(left, right, 'k int, lv int', 'k int, rv string', ['k']);
  });

  it('few int keys in an array over their range, with the key bitmap (duplicates, NULLs, probes outside the range)', async () => {
    const left = asLeft(rows(300, 15, (rand) => ({ k: Math.floor(rand() * 1200 - 100) * 97 })));
    const right = asRight(rows(120, 16, (rand) => ({ k: Math.floor(rand() * 60) * 17 * 97 }), 0.05));
    await checkAll(left, right, 'k int, lv int', 'k int, rv string', ['k']);
  });

  it('bigint keys, including values whose low 32 bits collide', async () => {
    const vals = [1n, 2n, 3n, (1n << 32n) + 1n, (1n << 32n) + 2n, -1n, -(1n << 40n), 1n << 62n];
    const left = asLeft(rows(120, 5, (rand) => ({ k: vals[Math.floor(rand() * vals.length)] })));
    const right = asRight(rows(12, 6, (rand) => ({ k: vals[Math.floor(rand() * vals.length)] })));
    await checkAll(left, right, 'k bigint, lv int', 'k bigint, rv string', ['k']);
    // A build side whose keys all fit in 32 bits (the integer paths), probed with wider keys.
    const narrow = asRight(rows(12, 6, (rand) => ({ k: vals.slice(0, 3)[Math.floor(rand() * 3)] })));
    await checkAll(left, narrow, 'k bigint, lv int', 'k bigint, rv string', ['k']);
  });

  it('string keys, plain and from cached (dictionary-encoded) tables', async () => {
    const words = ['', 'a', 'b', 'ab', 'é', 'längere zeichenkette mit mehr als zweiunddreißig bytes', 'id001', 'id002'];
    const left = asLeft(rows(150, 7, (rand) => ({ k: words[Math.floor(rand() * words.length)] })));
    const right = asRight(rows(20, 8, (rand) => ({ k: words[Math.floor(rand() * words.length)] })));
    await checkAll(left, right, 'k string, lv int', 'k string, rv string', ['k']);
    await checkAll(left, right, 'k string, lv int', 'k string, rv string', ['k'], { cache: true });
  });

  it('two-column keys (int and string)', async () => {
    const left = asLeft(rows(200, 9, (rand) => ({ a: Math.floor(rand() * 5), b: ['x', 'y', 'z'][Math.floor(rand() * 3)] })));
    const right = asRight(rows(30, 10, (rand) => ({ a: Math.floor(rand() * 6), b: ['x', 'y', 'w'][Math.floor(rand() * 3)] })));
    await checkAll(left, right, 'a int, b string, lv int', 'a int, b string, rv string', ['a', 'b']);
  });

  it('unique build keys (dense ints, strings): outer joins pass the streamed rows through, probes skip NULL and out-of-range keys', async () => {
    const left = asLeft(rows(500, 11, (rand) => ({ k: Math.floor(rand() * 80) - 10, s: `s${Math.floor(rand() * 30)}` })));
    const right = asRight(rows(60, 12, (_rand, i) => ({ k: i, s: `s${i % 45}${i >= 45 ? 'x' : ''}` }), 0.05));
    for (const cache of [false, true]) {
      await checkAll(left, right, 'k int, s string, lv int', 'k int, s string, rv string', ['k'], { cache });
      await checkAll(left, right, 'k int, s string, lv int', 'k int, s string, rv string', ['s'], { cache });
    }
  });

  it('a left join on unique keys keeps the streamed string columns as group keys (cached, dictionary-encoded)', async () => {
    const facts = Array.from({ length: 3000 }, (_, i) => ({ k: i % 37 === 0 ? null : i % 50, g: i % 11 === 0 ? null : `g${i % 7}`, v: i }));
    // w has no NULLs of its own: the NULLs of unmatched rows come from the join alone.
    const dims = Array.from({ length: 40 }, (_, k) => ({ k, w: k * 0.5 + 1 }));
    const f = spark.createDataFrame(facts, 'k int, g string, v int').cache();
    const d = spark.createDataFrame(dims, 'k int, w double').cache();
    for (const threshold of [undefined, '-1']) {
      if (threshold) spark.conf.set('spark.sql.autoBroadcastJoinThreshold', threshold);
      try {
        const got = await f.join(d, 'k', 'left').groupBy('g').agg(F.count('*').alias('n'), F.count('w').alias('nw'), F.sum('w').alias('sw'), F.sum('v').alias('sv')).collect();
        const want = new Map<unknown, { g: unknown; n: bigint; nw: bigint; sw: number | null; sv: bigint }>();
        for (const r of facts) {
          const w = r.k === null ? null : (dims.find((x) => x.k === r.k)?.w ?? null);
          const e = want.get(r.g) ?? { g: r.g, n: 0n, nw: 0n, sw: null, sv: 0n };
          e.n += 1n;
          if (w !== null) (e.nw += 1n), (e.sw = (e.sw ?? 0) + w);
          e.sv += BigInt(r.v);
          want.set(r.g, e);
        }
        expect(sorted(got), `threshold ${threshold ?? 'default'}`).toEqual(sorted([...want.values()]));
      } finally {
        spark.conf.delete('spark.sql.autoBroadcastJoinThreshold');
      }
    }
  });

  it('a global aggregate reads double columns of the join output through its index vectors (NULLs, unmatched rows, duplicates)', async () => {
    const facts = Array.from({ length: 2500 }, (_, i) => ({ k: i % 41 === 0 ? null : (i * 7) % 60, d: i % 9 === 0 ? null : i / 4 }));
    // Keys 0..44, 10..14 twice (duplicate build keys take the chained probe), w NULL on some rows.
    const dims = Array.from({ length: 50 }, (_, j) => ({ k: j < 45 ? j : j - 35, w: j % 6 === 0 ? null : j * 0.75 }));
    const f = spark.createDataFrame(facts, 'k int, d double').cache();
    const dm = spark.createDataFrame(dims, 'k int, w double').cache();
    const pairs = (how: string) => {
      const out: { d: number | null; w: number | null }[] = [];
      const hit = new Set<number>();
      for (const x of facts) {
        let any = false;
        dims.forEach((y, j) => {
          if (x.k === null || x.k !== y.k) return;
          any = true;
          hit.add(j);
          out.push({ d: x.d, w: y.w });
        });
        if (!any && (how === 'left' || how === 'full')) out.push({ d: x.d, w: null });
      }
      if (how === 'right' || how === 'full') dims.forEach((y, j) => hit.has(j) || out.push({ d: null, w: y.w }));
      return out;
    };
    const stats = (vs: (number | null)[]) => {
      const live = vs.filter((v): v is number => v !== null);
      const sum = live.reduce((a, b) => a + b, 0);
      return { c: BigInt(live.length), s: live.length ? sum : null, a: live.length ? sum / live.length : null };
    };
    for (const threshold of [undefined, '-1']) {
      if (threshold) spark.conf.set('spark.sql.autoBroadcastJoinThreshold', threshold);
      try {
        for (const how of ['inner', 'left', 'right', 'full']) {
          const [got] = await f
            .join(dm, 'k', how)
            .agg(F.count('*').alias('n'), F.count('d').alias('cd'), F.sum('d').alias('sd'), F.avg('d').alias('ad'), F.count('w').alias('cw'), F.sum('w').alias('sw'), F.avg('w').alias('aw'))
            .collect();
          const want = pairs(how);
          const d = stats(want.map((r) => r.d));
          const w = stats(want.map((r) => r.w));
          // Multiples of 1/4 well below 2^53: the sums are exact in any order.
          expect(got, `${how}, threshold ${threshold ?? 'default'}`).toEqual({ n: BigInt(want.length), cd: d.c, sd: d.s, ad: d.a, cw: w.c, sw: w.s, aw: w.a });
        }
      } finally {
        spark.conf.delete('spark.sql.autoBroadcastJoinThreshold');
      }
    }
  });

  it('empty sides', async () => {
    const some = asLeft(rows(10, 11, (rand) => ({ k: Math.floor(rand() * 4) })));
    const someR = asRight(rows(10, 12, (rand) => ({ k: Math.floor(rand() * 4) })));
    await checkAll([], someR, 'k int, lv int', 'k int, rv string', ['k']);
    await checkAll(some, [], 'k int, lv int', 'k int, rv string', ['k']);
    await checkAll([], [], 'k int, lv int', 'k int, rv string', ['k']);
  });

  it('a residual condition decides among equal keys (outer rows stay unmatched)', async () => {
    const left = asLeft(rows(80, 13, (rand) => ({ k: Math.floor(rand() * 8) })));
    const right = asRight(rows(40, 14, (rand) => ({ k: Math.floor(rand() * 8) })));
    const l = spark.createDataFrame(left, 'k int, lv int');
    const r = spark.createDataFrame(right, 'k int, rv string');
    const residual = (a: Row, b: Row) => (a.lv as number) % 3 !== Number(String(b.rv).slice(1)) % 3;
    for (const threshold of [undefined, '-1']) {
      if (threshold) spark.conf.set('spark.sql.autoBroadcastJoinThreshold', threshold);
      try {
        for (const how of HOWS) {
          const extra = col('l.lv').mod(3).notEqual(col('r.rv').substr(2, 10).cast('int').mod(3));
          expect(sorted(await joined(l, r, ['k'], how, extra)), how).toEqual(sorted(reference(left, right, ['k'], how, residual)));
        }
      } finally {
        spark.conf.delete('spark.sql.autoBroadcastJoinThreshold');
      }
    }
  });

  it('string columns pass through the shuffle and the join with NULLs intact', async () => {
    const left = Array.from({ length: 500 }, (_, i) => ({ k: i % 37, s: i % 7 === 0 ? null : `left-${i}-${'x'.repeat(i % 40)}` }));
    const right = Array.from({ length: 37 }, (_, k) => ({ k, t: k % 5 === 0 ? null : `right-${k}` }));
    spark.conf.set('spark.sql.autoBroadcastJoinThreshold', '-1');
    try {
      const got = await spark.createDataFrame(left, 'k int, s string').join(spark.createDataFrame(right, 'k int, t string'), 'k', 'inner').collect();
      const want = left.map((l) => ({ k: l.k, s: l.s, t: right[l.k]!.t }));
      expect(sorted(got)).toEqual(sorted(want));
    } finally {
      spark.conf.delete('spark.sql.autoBroadcastJoinThreshold');
    }
  });

  it('aggregates and further joins read a join output in the same task (string group keys, typed columns, NULL rows)', async () => {
    const facts = Array.from({ length: 400 }, (_, i) => ({ k: i % 23, s: `s${i % 4}`, d: i % 9 === 0 ? null : i / 4, b: BigInt(i) * 10_000_000_000n }));
    const dims = Array.from({ length: 20 }, (_, k) => ({ k, name: k % 6 === 0 ? null : `n${k % 3}`, w: k * 1.5 }));
    const more = Array.from({ length: 6 }, (_, j) => ({ name: `n${j % 3}`, tag: `t${j}` }));
    for (const threshold of [undefined, '-1']) {
      if (threshold) spark.conf.set('spark.sql.autoBroadcastJoinThreshold', threshold);
      try {
        const f = spark.createDataFrame(facts, 'k int, s string, d double, b bigint');
        const dm = spark.createDataFrame(dims, 'k int, name string, w double');
        const m = spark.createDataFrame(more, 'name string, tag string');
        const got = await f.join(dm, 'k', 'left').groupBy('name', 's').agg(F.count('*').alias('n'), F.sum('d').alias('sd'), F.sum('w').alias('sw'), F.max('b').alias('mb')).collect();
        const want = new Map<string, { name: unknown; s: string; n: bigint; sd: number | null; sw: number | null; mb: bigint }>();
        for (const r of facts) {
          const dim = dims.find((x) => x.k === r.k);
          const name = dim ? dim.name : null;
          const key = `${name}|${r.s}`;
          const g = want.get(key) ?? { name, s: r.s, n: 0n, sd: null, sw: null, mb: r.b };
          g.n += 1n;
          if (r.d !== null) g.sd = (g.sd ?? 0) + r.d;
          if (dim) g.sw = (g.sw ?? 0) + dim.w;
          if (r.b > g.mb) g.mb = r.b;
          want.set(key, g);
        }
        expect(sorted(got), `left join then aggregate, threshold ${threshold ?? 'default'}`).toEqual(sorted([...want.values()]));
        const chained = await f.join(dm, 'k').join(m, 'name').groupBy('tag').agg(F.count('*').alias('n')).collect();
        const wantChained = new Map<string, bigint>();
        for (const r of facts) {
          const dim = dims.find((x) => x.k === r.k);
          for (const x of more) if (dim && dim.name !== null && x.name === dim.name) wantChained.set(x.tag, (wantChained.get(x.tag) ?? 0n) + 1n);
        }
        expect(sorted(chained), `two joins then aggregate, threshold ${threshold ?? 'default'}`).toEqual(sorted([...wantChained].map(([tag, n]) => ({ tag, n }))));
      } finally {
        spark.conf.delete('spark.sql.autoBroadcastJoinThreshold');
      }
    }
  });
});
