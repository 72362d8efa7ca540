import type { DataType } from '../types/data-types.js';
/** A column of a plan's output after analysis. */
export interface Attribute {
    name: string;
    type: DataType;
    nullable: boolean;
    /** The alias of the relation it comes from (df.alias('t') → 't'), for t.col references. */
    qualifier?: string;
}
//# sourceMappingURL=attribute.d.ts.map