import { RecordBatch, Table, tableFromIPC, tableToIPC } from 'apache-arrow';

// Batches cross threads (shuffles, results) as Arrow IPC stream bytes: a Uint8Array travels through core's codec
// as raw bytes, and decoding on the other side reads the buffers in place.

export function encodeBatch(batch: RecordBatch): Uint8Array {
  return tableToIPC(new Table(batch), 'stream');
}

export function decodeBatches(bytes: Uint8Array): RecordBatch[] {
  return tableFromIPC(bytes).batches;
}
