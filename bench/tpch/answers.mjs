// Query answers in one engine-neutral shape, so that Kindling's, DuckDB's and polars' answers compare:
//   { columns: string[], tol: number[], rows: (number | string | null)[][] }
// Numbers of every kind (int, bigint, double, decimal) become doubles; dates 'YYYY-MM-DD' strings. `tol` is a
// column's absolute tolerance: half a unit of the last digit of a decimal result (an engine that rounds a
// decimal quotient or average to its scale is within it of the exact value), 0 for other columns. Numbers then
// also compare with a relative tolerance (summation order changes the last bits of a double).

const REL = 1e-9;
const isoDay = (d) => d.toISOString().slice(0, 10);
const halfUnit = (scale) => 0.5 * 10 ** -scale;

/** From a Kindling DataFrame: collects it. */
export async function kindlingAnswer(df) {
  const fields = df.schema.fields;
  const rows = await df.collect();
  const norm = (v) => (v === null || v === undefined ? null : typeof v === 'bigint' ? Number(v) : v instanceof Date ? isoDay(v) : v);
  return {
    columns: fields.map((f) => f.name),
    tol: fields.map((f) => (typeof f.dataType.scale === 'number' ? halfUnit(f.dataType.scale) : 0)),
    rows: rows.map((r) => fields.map((f) => norm(r[f.name]))),
  };
}

/** From DuckDB (@duckdb/node-api): runs `sql` on `con`. */
export async function duckdbAnswer(con, sql) {
  const reader = await con.runAndReadAll(sql);
  const columns = reader.columnNames();
  const tol = columns.map(() => 0);
  const rows = reader.getRows().map((r) => r.map((v, j) => {
    if (v === null || v === undefined) return null;
    if (typeof v === 'bigint') return Number(v);
    if (typeof v === 'object' && typeof v.scale === 'number' && typeof v.value === 'bigint') { tol[j] = halfUnit(v.scale); return Number(v.value) / 10 ** v.scale; }
    if (typeof v === 'object' && typeof v.days === 'number') return String(v);
    return v;
  }));
  return { columns, tol, rows };
}

/** From a nodejs-polars DataFrame. */
export function polarsAnswer(df) {
  const columns = df.columns;
  const norm = (v) => (v === null || v === undefined ? null : typeof v === 'bigint' ? Number(v) : v instanceof Date ? isoDay(v) : v);
  return { columns, tol: columns.map(() => 0), rows: df.rows().map((r) => r.map(norm)) };
}

const show = (v) => (typeof v === 'string' ? `'${v}'` : String(v));

/**
 * Compares `actual` with `expected`, row by row in order (every TPC-H query orders its answer fully, or answers
 * one row). Column names are not compared (engines name unaliased expressions differently).
 * @returns {string | null} the first difference, or null when they agree
 */
export function compareAnswers(expected, actual) {
  if (expected.columns.length !== actual.columns.length) return `${actual.columns.length} columns (${actual.columns.join(', ')}), expected ${expected.columns.length} (${expected.columns.join(', ')})`;
  if (expected.rows.length !== actual.rows.length) return `${actual.rows.length} rows, expected ${expected.rows.length}`;
  for (let i = 0; i < expected.rows.length; i++) {
    for (let j = 0; j < expected.columns.length; j++) {
      const e = expected.rows[i][j], a = actual.rows[i][j];
      const same = e === null || a === null ? e === a
        : typeof e === 'number' && typeof a === 'number' ? Math.abs(a - e) <= Math.max(expected.tol[j], actual.tol[j]) + REL * Math.max(Math.abs(a), Math.abs(e))
        : e === a;
      if (!same) return `row ${i + 1}, column ${j + 1} (${expected.columns[j]}): ${show(a)}, expected ${show(e)}`;
    }
  }
  return null;
}
