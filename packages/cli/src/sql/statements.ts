// TEMPORARY until session.sql lands (sql-lang): replaced before landing.
import type { DataFrame, Session } from '@kindling/sql';

export interface Statement {
  text: string;
  line: number;
  isQuery: boolean;
}

export async function runStatements(
  spark: Session,
  text: string,
  _source: string | undefined,
  emit: (df: DataFrame, st: Statement, last: boolean) => Promise<void>,
): Promise<void> {
  const sql = (spark as unknown as { sql?: (t: string) => DataFrame }).sql;
  if (!sql) throw new Error('session.sql is not available yet');
  const parts = text.split(';').map((s) => s.trim()).filter(Boolean);
  for (let i = 0; i < parts.length; i++) await emit(sql.call(spark, parts[i]!), { text: parts[i]!, line: 1, isQuery: true }, i === parts.length - 1);
}
