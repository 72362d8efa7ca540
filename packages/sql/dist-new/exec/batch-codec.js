import { RecordBatch, RecordBatchReader, RecordBatchStreamWriter } from 'apache-arrow';
// Batches cross threads (shuffles, results) as Arrow IPC stream bytes: a Uint8Array travels through core's codec
// as raw bytes, and decoding on the other side reads the buffers in place. Written and read with the stream
// writer/reader rather than through a Table, which merges columns that share a name (a join's output may have
// two `id`s).
export function encodeBatch(batch) {
    return RecordBatchStreamWriter.writeAll([batch]).toUint8Array(true);
}
export function decodeBatches(bytes) {
    return RecordBatchReader.from(bytes).readAll();
}
//# sourceMappingURL=batch-codec.js.map