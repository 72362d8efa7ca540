import { readFileSync } from 'node:fs';
import { decodeRecords } from '../../shuffle/codec.js';
import { forEachRecord, iterateRecords, parentOf } from '../compute.js';
import { registerOperator } from '../registry.js';

// A checkpoint partition file holds the partition's records, serialized.
registerOperator('checkpointFile', {
  forEach(_node, split, tc, sink) {
    const bytes = readFileSync(split.path as string);
    tc.metrics.bytesRead += bytes.length;
    const records = decodeRecords(bytes);
    tc.metrics.recordsRead += records.length;
    for (let i = 0; i < records.length; i++) sink(records[i]);
  },
});

// An RDD whose lineage was truncated by a checkpoint: its data is its checkpoint's, partition for partition.
registerOperator('checkpointed', {
  forEach(node, split, tc, sink) {
    forEachRecord(parentOf(node), split, tc, sink);
  },
  iterate(node, split, tc) {
    return iterateRecords(parentOf(node), split, tc);
  },
});
