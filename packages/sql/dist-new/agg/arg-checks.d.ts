import { AnalysisError } from '../analysis/errors.js';
import { DataType } from '../types/data-types.js';
export declare const isIntegral: (t: DataType) => boolean;
export declare const isNumeric: (t: DataType) => boolean;
/** DATATYPE_MISMATCH unless `t` is numeric (or the NULL type, which casts to anything). */
export declare function needNumeric(fn: string, t: DataType | undefined, position?: number): void;
export declare function wrongArgs(fn: string, expected: string): AnalysisError;
/** A percentage argument: a numeric in [0, 1] or an array of them (checked here when it is a literal). */
export declare function percentageType(fn: string, t: DataType | undefined, literal: unknown): {
    array: boolean;
    argType: DataType;
};
/** Runtime check of a percentage value (the analyzer only sees literals; arrays are built by array(...)). */
export declare function checkPercentage(fn: string, p: unknown): void;
//# sourceMappingURL=arg-checks.d.ts.map