import { DataFrame } from '../api/dataframe.js';
import type { Session } from '../api/session.js';
import type { Statement } from '../parser/sql-ast.js';
/**
 * Runs one parsed statement. Queries give their DataFrame (lazy, as any DataFrame); the commands Spark runs
 * eagerly (CREATE VIEW, DROP VIEW, CACHE/UNCACHE TABLE, SET) take effect here, before the DataFrame is returned.
 */
export declare function runStatement(session: Session, st: Statement): DataFrame;
//# sourceMappingURL=statements.d.ts.map