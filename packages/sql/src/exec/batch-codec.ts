import { RecordBatch, RecordBatchReader, RecordBatchStreamWriter } from 'apache-arrow';

// Batches cross threads (shuffles, results) as Arrow IPC stream bytes: a Uint8Array travels through core's codec
// as raw bytes, and decoding on the other side reads the buffers in place. Written and read with the stream
// writer/reader rather than through a Table, which merges columns that share a name (a join's output may have
// two `id`s).

export function encodeBatch(batch: RecordBatch): Uint8Array {
  return RecordBatchStreamWriter.writeAll([batch]).toUint8Array(true);
}

export function decodeBatches(bytes: Uint8Array): RecordBatch[] {
  return RecordBatchReader.from(bytes).readAll();
}

/** The batches of IPC stream bytes one at a time (a cached block holds all of a partition's batches). */
export function* readBatches(bytes: Uint8Array): Generator<RecordBatch> {
  yield* RecordBatchReader.from(bytes);
}
