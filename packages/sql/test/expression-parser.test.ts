import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context } from '@kindling/core';
import { AnalysisError, ParseError, Session, col, expr, parseExpression, parseScript } from '@kindling/sql';
import { KindlingError } from '@kindling/core';

const text = (s: string) => JSON.stringify(parseExpression(s), (_k, v) => (typeof v === 'bigint' ? `${v}n` : v));

describe('SQL expression parser', () => {
  it('follows Spark precedence: OR < AND < NOT < predicates < || < + - < * / % DIV < unary', () => {
    expect(parseExpression('a OR b AND c')).toEqual({
      kind: 'binary', op: 'or', left: { kind: 'column', name: 'a' },
      right: { kind: 'binary', op: 'and', left: { kind: 'column', name: 'b' }, right: { kind: 'column', name: 'c' } },
    });
    expect(parseExpression('NOT a = 1')).toMatchObject({ kind: 'unary', op: 'not', child: { kind: 'binary', op: '=' } });
    expect(parseExpression('1 + 2 * 3')).toMatchObject({ op: '+', right: { op: '*' } });
    expect(parseExpression('a - b - c')).toMatchObject({ op: '-', left: { op: '-' } });
    expect(parseExpression("a || 'x' = 'yx'")).toMatchObject({ op: '=', left: { kind: 'call', name: 'concat' } });
    expect(parseExpression('-x * 2')).toMatchObject({ op: '*', left: { kind: 'unary', op: 'negate' } });
    expect(parseExpression('7 DIV 2')).toMatchObject({ op: 'div' });
  });

  it('predicates', () => {
    expect(text('a IS NOT NULL')).toBe('{"kind":"unary","op":"isNotNull","child":{"kind":"column","name":"a"}}');
    expect(parseExpression('a NOT IN (1, 2)')).toMatchObject({ kind: 'unary', op: 'not', child: { kind: 'in' } });
    expect(parseExpression('a BETWEEN 1 AND 5')).toMatchObject({ op: 'and', left: { op: '>=' }, right: { op: '<=' } });
    expect(parseExpression("name NOT LIKE 'A%'")).toMatchObject({ kind: 'unary', op: 'not', child: { op: 'like' } });
    expect(parseExpression("name RLIKE '^a'")).toMatchObject({ op: 'rlike' });
    expect(parseExpression('a <=> b')).toMatchObject({ op: '<=>' });
    expect(parseExpression('a <> b')).toMatchObject({ op: '!=' });
  });

  it('literals are typed as Spark types them', () => {
    expect(parseExpression('1')).toEqual({ kind: 'literal', value: 1, type: 'int' });
    expect(parseExpression('3000000000')).toEqual({ kind: 'literal', value: 3000000000n, type: 'bigint' });
    expect(parseExpression('5L')).toEqual({ kind: 'literal', value: 5n, type: 'bigint' });
    expect(parseExpression('1.50')).toEqual({ kind: 'literal', value: '1.50', type: 'decimal(3,2)' });
    expect(parseExpression('1.5D')).toEqual({ kind: 'literal', value: 1.5, type: 'double' });
    expect(parseExpression('1e3')).toEqual({ kind: 'literal', value: 1000, type: 'double' });
    expect(parseExpression("'it''s' 'joined'")).toEqual({ kind: 'literal', value: "it'sjoined", type: 'string' });
    expect(parseExpression("'a\\tb'")).toEqual({ kind: 'literal', value: 'a\tb', type: 'string' });
    expect(parseExpression("DATE '2024-02-29'")).toMatchObject({ kind: 'cast', to: 'date' });
    expect(parseExpression('null')).toEqual({ kind: 'literal', value: null, type: null });
  });

  it('names, calls, CASE and CAST', () => {
    expect(parseExpression('t.col')).toEqual({ kind: 'column', name: 'col', qualifier: 't' });
    expect(parseExpression('`odd name`')).toEqual({ kind: 'column', name: 'odd name' });
    expect(parseExpression('date')).toEqual({ kind: 'column', name: 'date' }); // a non-reserved keyword
    expect(parseExpression('count(*)')).toEqual({ kind: 'call', name: 'count', args: [{ kind: 'literal', value: 1, type: null }] });
    expect(parseExpression('count(DISTINCT a)')).toMatchObject({ distinct: true });
    expect(parseExpression('CASE x WHEN 1 THEN 2 END')).toMatchObject({ kind: 'case', branches: [{ when: { op: '=' } }], otherwise: null });
    expect(parseExpression('CAST(a AS decimal(10, 2))')).toMatchObject({ kind: 'cast', to: 'decimal(10,2)', ansi: true });
    expect(parseExpression('TRY_CAST(a AS map<string, array<int>>)')).toMatchObject({ kind: 'cast', to: 'map<string,array<int>>', ansi: false });
  });

  it('syntax errors name the spot, the line and column, with a caret', () => {
    let err: ParseError | undefined;
    try {
      parseExpression('price * qty FORM sales');
    } catch (e) {
      err = e as ParseError;
    }
    expect(err).toBeInstanceOf(ParseError);
    expect(err!.code).toBe('PARSE_SYNTAX_ERROR');
    expect(err!.message).toMatch(/^\[PARSE_SYNTAX_ERROR\] Syntax error at or near 'FORM' \(line 1, column 13\)/);
    expect(err!.message).toContain('price * qty FORM sales\n------------^^^');
    expect(() => parseExpression('a +\n  ')).toThrow(/end of input \(line 2, column 3\)/);
    expect(() => parseExpression('a ? b')).toThrow(/at or near '\?'/);
  });

  it('fuzz: mutated expressions give a ParseError or an expression, never a TypeError or a hang', () => {
    const seeds = [
      "CASE WHEN a > 1 THEN 'x' ELSE upper(b) END",
      'CAST(x AS decimal(10,2)) + count(DISTINCT y) * -3',
      "a NOT BETWEEN 1 AND 2 OR b IN (1, 'z', NULL) AND c LIKE '%q%'",
      't.`we ird`.x || DATE \'2020-01-01\'',
    ];
    const pieces = ['(', ')', ',', "'", '`', 'AND', 'NOT', 'CASE', 'END', '*', '.', '-', 'IN', '  ', '\n', '"', '\\', '/*', '--', '1e', '<=>'];
    let s = 12345;
    const rnd = (n: number) => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) % n);
    const started = Date.now();
    for (let i = 0; i < 3000; i++) {
      const base = seeds[rnd(seeds.length)]!;
      const at = rnd(base.length + 1);
      const cut = rnd(4);
      const mutated = base.slice(0, at) + (rnd(2) ? pieces[rnd(pieces.length)] : '') + base.slice(at + cut);
      try {
        parseExpression(mutated);
      } catch (e) {
        if (!(e instanceof ParseError)) throw new Error(`input ${JSON.stringify(mutated)} raised ${(e as Error).name}: ${(e as Error).message}`);
      }
    }
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

describe('SQL expressions in the DataFrame API', () => {
  let spark: Session;
  beforeAll(() => {
    spark = new Session(new Context({ master: 'local' }));
  });
  afterAll(async () => {
    await spark.stop();
  });

  it('filter and where take SQL conditions; selectExpr and expr take expressions', async () => {
    const df = spark.createDataFrame([{ name: 'ann', age: 30 }, { name: 'bob', age: 17 }, { name: null, age: 41 }]);
    expect((await df.filter("age >= 18 AND name IS NOT NULL").collect()).map((r) => r.name)).toEqual(['ann']);
    expect(await df.where('age < 20').selectExpr('upper(name) AS who', 'age + 1 next').collect()).toEqual([{ who: 'BOB', next: 18 }]);
    expect(await df.select(expr("CASE WHEN age > 35 THEN 'senior' ELSE 'junior' END AS band")).collect()).toEqual([
      { band: 'junior' },
      { band: 'junior' },
      { band: 'senior' },
    ]);
    expect(await spark.range(1).selectExpr('0.1 + 0.2 AS x').collect()).toEqual([{ x: 0.3 }]);
    expect(() => df.filter('agee > 1')).toThrow(/cannot resolve 'agee'.*did you mean 'age'/);
  });

  it('hostile strings are data, never code', async () => {
    const hostile = ["'); process.exit(1); ('", '${process.exit(1)}', '*/ process.exit(1) /*', '\\u2028', "\\'", '`whoami`'];
    const df = spark.createDataFrame([{ v: 'safe' }]);
    for (const h of hostile) {
      const quoted = `'${h.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
      const out = await df.selectExpr(`${quoted} AS x`, `v = ${quoted} AS same`).collect();
      expect(out[0]!.same).toBe(false);
      expect(out[0]!.x).toBe(h);
      expect(await df.filter(col('v').equalTo(h)).count()).toBe(0);
    }
    const weird = spark.createDataFrame([{ 'a`); process.exit(1); (`': 1 }]);
    expect(await weird.selectExpr('`a``); process.exit(1); (``` + 1 AS y').collect()).toEqual([{ y: 2 }]);
  });

  it('fuzz: mutated full statements through session.sql give a typed error or a DataFrame, never a TypeError or a hang', () => {
    spark.createDataFrame([{ k: 1, v: 'a', d: '2020-01-01' }, { k: null, v: null, d: null }]).createOrReplaceTempView('f');
    const seeds = [
      "WITH c AS (SELECT k, count(*) n FROM f GROUP BY k) SELECT c.k, n FROM c JOIN f USING (k) WHERE v LIKE 'a%' ORDER BY 1 DESC LIMIT 3",
      "SELECT k, sum(k) OVER (PARTITION BY v ORDER BY k ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) s FROM f WINDOW w AS (ORDER BY k)",
      "SELECT v FROM f WHERE k IN (SELECT k FROM f) UNION ALL SELECT 'x' INTERSECT SELECT v FROM f EXCEPT SELECT NULL",
      "SELECT CAST(d AS date) + INTERVAL '3' MONTH, EXTRACT(YEAR FROM CAST(d AS date)), substring(v FROM 1 FOR 2) FROM f t LATERAL VIEW explode(array(1, 2)) e AS x",
      "CREATE OR REPLACE TEMP VIEW g AS SELECT * FROM VALUES (1, 'a'), (2, NULL) AS t(a, b); DESCRIBE g; SHOW TABLES; EXPLAIN SELECT * FROM range(3)",
      "SELECT a, count(*) FROM (SELECT k AS a FROM f) s GROUP BY ROLLUP(a) HAVING count(*) > 0 ORDER BY a NULLS LAST OFFSET 1",
    ];
    const pieces = ['(', ')', ',', "'", '`', 'SELECT', 'FROM', 'JOIN', 'ON', 'GROUP BY', 'OVER', '*', '.', ';', 'INTERVAL', '1', 'NULL', '--', '/*', '\n', 'AS', 'WHERE'];
    let s = 987;
    const rnd = (n: number) => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) % n);
    const started = Date.now();
    let parsed = 0;
    for (let i = 0; i < 1500; i++) {
      let text = seeds[rnd(seeds.length)]!;
      for (let m = rnd(3) + 1; m > 0; m--) {
        const at = rnd(text.length + 1);
        text = text.slice(0, at) + (rnd(3) ? ` ${pieces[rnd(pieces.length)]} ` : '') + text.slice(at + rnd(6));
      }
      try {
        for (const st of parseScript(text)) {
          parsed++;
          spark.sql(st.text);
        }
      } catch (e) {
        const typed = e instanceof ParseError || e instanceof AnalysisError || e instanceof KindlingError;
        if (!typed) throw new Error(`input ${JSON.stringify(text)} raised ${(e as Error).name}: ${(e as Error).stack}`);
      }
    }
    expect(parsed).toBeGreaterThan(100);
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('hostile strings stay data in statements: view names, aliases, options, literals', async () => {
    const hostile = ["'); process.exit(1); ('", '${process.exit(1)}', '*/ process.exit(1) /*', '\u2028', "\\'", '`whoami`', 'a;b', '-- c'];
    for (const h of hostile) {
      const quoted = `'${h.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
      const name = '`' + h.replace(/`/g, '``') + '`';
      spark.sql(`CREATE OR REPLACE TEMP VIEW ${name} AS SELECT ${quoted} AS ${name}, 1 AS n`);
      const out = await spark.sql(`SELECT ${name}, ${quoted} = ${name} AS same, n FROM ${name} WHERE ${name} = ${quoted}`).collect();
      expect(out).toEqual([{ [h]: h, same: true, n: 1 }]);
      const described = await spark.sql(`DESCRIBE ${name}`).collect();
      expect(described[0]!.col_name).toBe(h);
      expect((await spark.sql('SHOW TABLES').collect()).map((r) => r.tableName)).toContain(h);
      spark.sql(`DROP VIEW ${name}`);
      const set = await spark.sql(`SET kindling.test.hostile=${h}`).collect();
      expect(set).toEqual([{ key: 'kindling.test.hostile', value: h.trim() }]);
    }
  });
});
