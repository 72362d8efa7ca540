import type { Expr } from '../expr/ast.js';
/**
 * ANSI interval literals as Spark 4 reads them: `INTERVAL '3' MONTH` and `INTERVAL '1' YEAR` are year-month
 * intervals (a number of months), `INTERVAL '90' DAY`, `INTERVAL 2 HOURS` day-time intervals (microseconds);
 * `INTERVAL '1-2' YEAR TO MONTH` and `INTERVAL '1 02:00:00' DAY TO SECOND` use Spark's field formats; several
 * units (`INTERVAL 1 DAY 2 HOURS`, `INTERVAL '1 day 2 hours'`) add up, and may not mix the two families.
 */
export declare class IntervalLiteralError extends Error {
}
interface Part {
    value: string;
    unit: string | null;
    to: string | null;
}
/** The literal for INTERVAL parts (value strings already unquoted), negated when `negative`. */
export declare function intervalLiteral(parts: Part[], negative: boolean): Expr;
export {};
//# sourceMappingURL=interval-literal.d.ts.map