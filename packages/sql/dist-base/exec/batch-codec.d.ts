import { RecordBatch } from 'apache-arrow';
export declare function encodeBatch(batch: RecordBatch): Uint8Array;
export declare function decodeBatches(bytes: Uint8Array): RecordBatch[];
//# sourceMappingURL=batch-codec.d.ts.map