import type * as arrow from 'apache-arrow';
import { type DataType } from '../../types/data-types.js';
import type { DateTimeOptions } from '../datetime.js';
export interface JsonWriteOptions {
    ignoreNullFields: boolean;
    dateTime: DateTimeOptions;
    lineSep: string;
}
/** Formats record batches as JSON Lines the way Spark's JSON writer does (null fields left out by default). */
export declare class JsonEncoder {
    private readonly o;
    private readonly encs;
    private readonly keys;
    constructor(fields: {
        name: string;
        dataType: DataType;
    }[], o: JsonWriteOptions);
    encode(batch: arrow.RecordBatch, columns: number[]): string;
}
//# sourceMappingURL=write.d.ts.map