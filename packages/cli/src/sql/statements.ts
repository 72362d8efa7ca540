import { parseScript, type DataFrame, type Session } from '@kindling/sql';
import { CliError, StatementFailure } from '../errors.js';

export interface Statement {
  text: string;
  /** 1-based line and column where the statement starts in the script. */
  line: number;
  column: number;
  /** A query (SELECT, VALUES, WITH ...), as opposed to a command that already took effect (CREATE VIEW, SET). */
  isQuery: boolean;
}

/**
 * Parses the whole script first (a syntax error anywhere stops it before anything runs, with the line and column in
 * the script), then runs the statements in order: `session.sql` runs commands at once and returns queries as
 * DataFrames, which `emit` prints or writes.
 */
export async function runStatements(
  spark: Session,
  text: string,
  source: string | undefined,
  emit: (df: DataFrame, st: Statement, last: boolean) => Promise<void>,
): Promise<void> {
  let script: ReturnType<typeof parseScript>;
  try {
    script = parseScript(text);
  } catch (e) {
    throw source ? new StatementFailure(e, `in ${source}`) : e;
  }
  if (script.length === 0) throw new CliError('EMPTY_SQL', `No SQL statement to run${source ? ` in ${source}` : ''}.`);
  for (let i = 0; i < script.length; i++) {
    const s = script[i]!;
    const st: Statement = { text: s.text, line: s.line, column: s.column, isQuery: s.statement.kind === 'query' };
    try {
      await emit(spark.sql(s.text), st, i === script.length - 1);
    } catch (e) {
      if (script.length === 1 && !source) throw e;
      throw new StatementFailure(e, `in statement ${i + 1} of ${script.length}${source ? ` of ${source}` : ''}, line ${s.line}`);
    }
  }
}
