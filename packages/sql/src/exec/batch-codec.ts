import { RecordBatch, RecordBatchReader, RecordBatchStreamWriter, Vector } from 'apache-arrow';

// Batches cross threads (shuffles, results) as Arrow IPC stream bytes: a Uint8Array travels through core's codec
// as raw bytes, and decoding on the other side reads the buffers in place. Written and read with the stream
// writer/reader rather than through a Table, which merges columns that share a name (a join's output may have
// two `id`s).

export function encodeBatch(batch: RecordBatch): Uint8Array {
  return RecordBatchStreamWriter.writeAll([batch]).toUint8Array(true);
}

/**
 * Runs `read` with Arrow's Vector#memoize as the identity. Arrow's reader wraps every dictionary it reads in a
 * memoizing vector, which allocates a slot per entry: for h2o's id3 (~100,000 entries a cached block) that was
 * every block of every query, whether or not the query read the column, and a twentieth of a query's time. The
 * engine reads dictionaries through their buffers and decodes their strings once itself (arrow-convert's
 * dictionaryVec), so it has no use for the memo.
 */
function unmemoized<T>(read: () => T): T {
  const proto = Vector.prototype;
  const memoize = proto.memoize;
  proto.memoize = function (this: Vector) {
    return this;
  };
  try {
    return read();
  } finally {
    proto.memoize = memoize;
  }
}

export function decodeBatches(bytes: Uint8Array): RecordBatch[] {
  return unmemoized(() => RecordBatchReader.from(bytes).readAll());
}

/** The batches of IPC stream bytes one at a time (a cached block holds all of a partition's batches). */
export function* readBatches(bytes: Uint8Array): Generator<RecordBatch> {
  const it = unmemoized(() => RecordBatchReader.from(bytes)[Symbol.iterator]());
  for (;;) {
    const r = unmemoized(() => it.next());
    if (r.done) return;
    yield r.value;
  }
}
