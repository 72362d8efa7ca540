import { describe, expect, it } from 'vitest';
import { ParseError, parseScript, parseStatement, splitStatements, type Query, type Statement } from '@kindling/sql';
import { sqlLexer } from '../../src/parser/lexer.js';
import { SqlParser } from '../../src/parser/grammar.js';

// Each stage of the SQL front end on its own: tokens (lexer.ts), the grammar-only CST (grammar.ts), the AST
// (visitor.ts, query-visitor.ts), and statement splitting.

const tokenNames = (s: string) => sqlLexer().tokenize(s).tokens.map((t) => t.tokenType.name);
const query = (s: string): Query => {
  const st = parseStatement(s);
  if (st.kind !== 'query') throw new Error(`not a query: ${st.kind}`);
  return st.query;
};
const json = (x: unknown) => JSON.parse(JSON.stringify(x, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v)));

describe('lexer', () => {
  it('keywords are case-insensitive whole words; comments and whitespace are skipped', () => {
    expect(tokenNames('select Order_id FROM t -- note\n/* block ; */ where')).toEqual(['SELECT', 'Identifier', 'FROM', 'Identifier', 'WHERE']);
    expect(tokenNames("'a;b' `c;d` ; 1.5 2L")).toEqual(['StringLiteral', 'QuotedIdentifier', 'Semicolon', 'DecimalLiteral', 'IntegerLiteral']);
    expect(tokenNames('temp temporary tempo')).toEqual(['TEMPORARY', 'TEMPORARY', 'Identifier']);
  });

  it('non-reserved keywords belong to the name category', () => {
    const t = sqlLexer().tokenize('range date')!.tokens;
    expect(t.map((x) => x.tokenType.name)).toEqual(['RANGE', 'DATE']);
    expect(t.every((x) => (x.tokenType.CATEGORIES ?? []).some((c) => c.name === 'IdentifierLike'))).toBe(true);
  });
});

describe('grammar', () => {
  it('passes chevrotain’s grammar checks (no ambiguity or left recursion left unresolved)', () => {
    expect(() => new SqlParser(true)).not.toThrow();
  });

  it('builds a CST labelled by rule', () => {
    const p = new SqlParser();
    p.input = sqlLexer().tokenize('SELECT a FROM t WHERE b > 1').tokens;
    const cst = p.singleStatement();
    expect(p.errors).toEqual([]);
    const spec = (cst.children.statement![0] as any).children.query[0].children.setExpression[0].children.operands[0].children.operands[0].children
      .querySpecification[0];
    expect(Object.keys(spec.children).sort()).toEqual(['SELECT', 'WHERE', 'fromClause', 'namedExpressionList', 'where']);
  });
});

describe('visitor: queries', () => {
  it('SELECT list, FROM with aliases, WHERE, GROUP BY, HAVING, ORDER BY, LIMIT, OFFSET', () => {
    const q = query('SELECT DISTINCT a AS x, t.*, count(*) n FROM db_t AS t WHERE a > 1 GROUP BY a HAVING n > 2 ORDER BY 1 DESC NULLS LAST LIMIT 5 OFFSET 2');
    expect(q.limit).toEqual({ kind: 'literal', value: 5, type: 'int' });
    expect(q.offset).toEqual({ kind: 'literal', value: 2, type: 'int' });
    expect(q.orderBy).toEqual([{ kind: 'sortOrder', child: { kind: 'literal', value: 1, type: 'int' }, ascending: false, nullsFirst: false }]);
    const spec = (q.body as Extract<Query['body'], { kind: 'select' }>).spec;
    expect(spec.distinct).toBe(true);
    expect(spec.items.map((i) => i.kind)).toEqual(['alias', 'star', 'alias']);
    expect(spec.from).toMatchObject([{ kind: 'table', name: ['db_t'], alias: { name: 't', columns: null }, line: 1 }]);
    expect(spec.groupBy).toEqual({ kind: 'exprs', exprs: [{ kind: 'column', name: 'a' }], sets: null });
  });

  it('set operations: INTERSECT binds tighter than UNION and EXCEPT, which are left-associative', () => {
    const b = query('SELECT 1 UNION ALL SELECT 2 INTERSECT SELECT 3 EXCEPT SELECT 4 MINUS SELECT 5').body;
    expect(json(b)).toMatchObject({
      kind: 'setOp',
      op: 'except',
      left: {
        kind: 'setOp',
        op: 'except',
        left: { kind: 'setOp', op: 'union', all: true, right: { kind: 'setOp', op: 'intersect', all: false } },
      },
    });
  });

  it('joins of every kind, ON and USING, comma joins, subqueries, VALUES and range()', () => {
    const spec = (query(
      'SELECT * FROM a JOIN b ON a.k = b.k LEFT JOIN c USING (k) RIGHT OUTER JOIN d ON true FULL JOIN e ON true LEFT SEMI JOIN f ON true ANTI JOIN g ON true CROSS JOIN h, (SELECT 1) s, VALUES (1, 2) v(x, y), range(3)',
    ).body as any).spec;
    const hows: string[] = [];
    let r = spec.from[0];
    while (r.kind === 'join') {
      hows.unshift(r.how);
      r = r.left;
    }
    expect(hows).toEqual(['inner', 'left', 'right', 'full', 'left_semi', 'left_anti', 'cross']);
    expect(spec.from.slice(1).map((x: any) => x.kind)).toEqual(['subquery', 'values', 'tableFunction']);
    expect(spec.from[2].alias).toEqual({ name: 'v', columns: ['x', 'y'] });
  });

  it('CTEs with column lists; ROLLUP, CUBE and GROUPING SETS expand to grouping sets', () => {
    const q = query('WITH a (x) AS (SELECT 1), b AS (SELECT x FROM a) SELECT * FROM b');
    expect(q.ctes.map((c) => [c.name, c.columns])).toEqual([['a', ['x']], ['b', null]]);
    const g = (s: string) => ((query(s).body as any).spec.groupBy.sets as unknown[][]).map((set) => set.map((e: any) => e.name).join(''));
    expect(g('SELECT 1 FROM t GROUP BY ROLLUP(a, b)')).toEqual(['ab', 'a', '']);
    expect(g('SELECT 1 FROM t GROUP BY CUBE(a, b)')).toEqual(['ab', 'a', 'b', '']);
    expect(g('SELECT 1 FROM t GROUP BY GROUPING SETS ((a, b), (a), ())')).toEqual(['ab', 'a', '']);
    expect(g('SELECT 1 FROM t GROUP BY a, b WITH ROLLUP')).toEqual(['ab', 'a', '']);
    expect((query('SELECT a FROM t GROUP BY ALL').body as any).spec.groupBy).toEqual({ kind: 'all' });
  });

  it('windows: OVER (...) with frames, named WINDOW clauses and bases', () => {
    const items = (query(
      'SELECT sum(x) OVER (PARTITION BY a ORDER BY b ROWS BETWEEN 2 PRECEDING AND 1 FOLLOWING), rank() OVER w, avg(x) OVER (w RANGE UNBOUNDED PRECEDING) FROM t WINDOW w AS (PARTITION BY a ORDER BY b DESC)',
    ).body as any).spec.items;
    expect(items[0].spec.frame).toEqual({ type: 'rows', lower: -2, upper: 1 });
    expect(items[1].spec.orderBy[0]).toMatchObject({ ascending: false });
    expect(items[2].spec).toMatchObject({ partitionBy: [{ name: 'a' }], frame: { type: 'range', lower: null, upper: 0 } });
    expect(() => parseStatement('SELECT rank() OVER nope FROM t')).toThrow(/\[MISSING_WINDOW_SPECIFICATION\].*'nope'/);
    expect(() => parseStatement('SELECT sum(x) OVER (ROWS BETWEEN 1 FOLLOWING AND 1 PRECEDING) FROM t')).toThrow(/INVALID_WINDOW_FRAME/);
  });

  it('subquery expressions are kept as parsed queries for the compiler', () => {
    const where = (query('SELECT 1 FROM t WHERE a IN (SELECT b FROM u) AND NOT EXISTS (SELECT 1) AND c > (SELECT max(d) FROM v)').body as any).spec.where;
    const forms: string[] = [];
    JSON.stringify(where, (_k, v) => {
      if (v && v.kind === 'parsedSubquery') forms.push(v.form);
      return v;
    });
    expect(forms).toEqual(['in', 'exists', 'scalar']);
  });
});

describe('visitor: expressions of the SQL dialect', () => {
  const item = (s: string) => (query(`SELECT ${s}`).body as any).spec.items[0];
  it('INTERVAL literals: year-month as months, day-time as microseconds', () => {
    expect(item("INTERVAL '3' MONTH")).toEqual({ kind: 'literal', value: 3, type: 'interval month' });
    expect(item("INTERVAL '1' YEAR")).toEqual({ kind: 'literal', value: 12, type: 'interval year' });
    expect(item("INTERVAL '1-2' YEAR TO MONTH")).toEqual({ kind: 'literal', value: 14, type: 'interval year to month' });
    expect(json(item("INTERVAL '90' DAY"))).toEqual({ kind: 'literal', value: `${90n * 86_400_000_000n}n`, type: 'interval day' });
    expect(json(item('INTERVAL 1 DAY 2 HOURS'))).toEqual({ kind: 'literal', value: `${26n * 3_600_000_000n}n`, type: 'interval day to hour' });
    expect(json(item("- INTERVAL '90' DAY"))).toMatchObject({ value: `${-90n * 86_400_000_000n}n` });
    expect(json(item("INTERVAL '1 02:03:04.5' DAY TO SECOND"))).toMatchObject({ value: `${86_400_000_000n + 2n * 3_600_000_000n + 3n * 60_000_000n + 4_500_000n}n` });
    expect(() => parseStatement('SELECT INTERVAL 1 YEAR 2 DAYS')).toThrow(/\[INVALID_INTERVAL_LITERAL\].*mix/);
  });

  it('EXTRACT, SUBSTRING FROM/FOR, left/right as function names, CAST types checked', () => {
    expect(item('EXTRACT(YEAR FROM d)')).toEqual({ kind: 'alias', name: 'extract(YEAR FROM d)', child: { kind: 'call', name: 'year', args: [{ kind: 'column', name: 'd' }] } });
    expect(item('substring(s FROM 2 FOR 3)')).toMatchObject({ kind: 'call', name: 'substring', args: [{ name: 's' }, { value: 2 }, { value: 3 }] });
    expect(item('left(s, 2)')).toMatchObject({ kind: 'call', name: 'left' });
    expect(() => parseStatement('SELECT CAST(a AS strng)')).toThrow(/\[UNSUPPORTED_DATATYPE\]/);
    expect(() => parseStatement('SELECT EXTRACT(FORTNIGHT FROM d)')).toThrow(/\[INVALID_EXTRACT_FIELD\]/);
  });
});

describe('visitor: statements', () => {
  const st = (s: string): Statement => parseStatement(s);
  it('views, files, DESCRIBE, SHOW, EXPLAIN, CACHE, SET', () => {
    expect(st('CREATE OR REPLACE TEMPORARY VIEW v (a, b) AS SELECT 1, 2')).toMatchObject({ kind: 'createView', name: 'v', replace: true, columns: ['a', 'b'] });
    expect(st("CREATE TEMP VIEW f (a INT, `b c` STRING) USING csv OPTIONS (path 'x/*.csv', header 'true', 'sep' = ';')")).toEqual({
      kind: 'createViewUsing',
      name: 'f',
      replace: false,
      ifNotExists: false,
      format: 'csv',
      options: { path: 'x/*.csv', header: 'true', sep: ';' },
      schema: '`a` int, `b c` string',
    });
    expect(st('DROP VIEW IF EXISTS v')).toEqual({ kind: 'dropView', name: 'v', ifExists: true });
    expect(st("SHOW TABLES LIKE 'a*'")).toEqual({ kind: 'showTables', pattern: 'a*' });
    expect(st('DESCRIBE TABLE t')).toEqual({ kind: 'describe', name: 't' });
    expect(st('DESC t')).toEqual({ kind: 'describe', name: 't' });
    expect(st('DESCRIBE table')).toEqual({ kind: 'describe', name: 'table' });
    expect(st('EXPLAIN EXTENDED SELECT 1')).toMatchObject({ kind: 'explain', extended: true });
    expect(st('CACHE LAZY TABLE t AS SELECT 1')).toMatchObject({ kind: 'cacheTable', name: 't', lazy: true, query: {} });
    expect(st('UNCACHE TABLE IF EXISTS t')).toEqual({ kind: 'uncacheTable', name: 't', ifExists: true });
    expect(st('SET spark.sql.shuffle.partitions = 8')).toEqual({ kind: 'set', key: 'spark.sql.shuffle.partitions', value: '8' });
    expect(st('SET a.b=some text; ')).toEqual({ kind: 'set', key: 'a.b', value: 'some text' });
    expect(st('SET')).toEqual({ kind: 'set', key: null, value: null });
    expect(() => st('CREATE VIEW v AS SELECT 1')).toThrow(/only temporary views/);
  });
});

describe('scripts and errors', () => {
  it('splits at semicolons outside strings, names and comments, with positions', () => {
    const s = "SELECT ';' AS a;\n-- x; y\nCREATE TEMP VIEW `v;w` AS SELECT 1 ;; /* ; */ SELECT 2";
    expect(splitStatements(s).map((x) => [x.text, x.line, x.column])).toEqual([
      ["SELECT ';' AS a", 1, 1],
      ['CREATE TEMP VIEW `v;w` AS SELECT 1', 3, 1],
      ['SELECT 2', 3, 47],
    ]);
    expect(parseScript(s).map((x) => x.statement.kind)).toEqual(['query', 'createView', 'query']);
  });

  it('a syntax error names the line and column in the whole script, with the line and a caret', () => {
    let err: ParseError | undefined;
    try {
      parseScript('SELECT 1;\nSELECT *\n  FORM t');
    } catch (e) {
      err = e as ParseError;
    }
    expect(err).toBeInstanceOf(ParseError);
    expect(err!.message).toMatch(/^\[PARSE_SYNTAX_ERROR\] Syntax error at or near 'FORM' \(line 3, column 3\): expected the end of the statement/);
    expect(err!.message).toContain('\n  FORM t\n--^^^');
    expect([err!.line, err!.column]).toEqual([3, 3]);
    expect(() => parseStatement('SELECT * FORM t')).toThrow("[PARSE_SYNTAX_ERROR] Syntax error at or near 'FORM' (line 1, column 10)");
    expect(() => parseStatement('SELECT a FROM t WHERE')).toThrow(/end of input \(line 1, column 22\): expected/);
    expect(() => parseStatement("SELECT 'open")).toThrow(/a string literal is not closed/);
    expect(() => parseStatement('')).toThrow(/expected a statement/);
    expect(() => parseStatement('SELECT 1; SELECT 2')).toThrow(ParseError);
  });

  it('deep nesting is a ParseError, not a stack overflow', () => {
    expect(() => parseStatement('SELECT ' + '('.repeat(20000) + '1' + ')'.repeat(20000))).toThrow(ParseError);
  });
});
