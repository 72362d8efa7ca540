import type { CstNode } from 'chevrotain';
import type { Query, Statement } from './sql-ast.js';
export declare function statement(n: CstNode): Statement;
export declare function query(n: CstNode): Query;
//# sourceMappingURL=query-visitor.d.ts.map