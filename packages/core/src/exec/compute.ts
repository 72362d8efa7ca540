import type { Partition } from '../lineage/partition.js';
import type { LiveNode, Sink, TaskContext } from './live-node.js';
import { OPERATORS } from './registry.js';

function operator(kind: string) {
  const op = OPERATORS.get(kind);
  if (!op) throw new Error(`internal: no operator registered for RDD kind '${kind}'`);
  return op;
}

/** A persisted RDD's partition: from the cache, or computed whole, stored, and then used. */
function persisted(node: LiveNode, split: Partition, tc: TaskContext): unknown[] {
  const cached = tc.cachedRecords(node.id, split.index);
  if (cached) return cached;
  const out: unknown[] = [];
  operator(node.kind).forEach(node, split, tc, (r) => out.push(r));
  tc.storeBlock(node.id, split.index, out);
  return out;
}

export function forEachRecord(node: LiveNode, split: Partition, tc: TaskContext, sink: Sink): void {
  if (node.persist) {
    const records = persisted(node, split, tc);
    for (let i = 0; i < records.length; i++) sink(records[i]);
    return;
  }
  operator(node.kind).forEach(node, split, tc, sink);
}

/** Records of a partition as an iterable; operators without a lazy form are materialised. */
export function iterateRecords(node: LiveNode, split: Partition, tc: TaskContext): Iterable<any> {
  if (node.persist) return persisted(node, split, tc);
  const op = operator(node.kind);
  if (op.iterate) return op.iterate(node, split, tc);
  const out: any[] = [];
  op.forEach(node, split, tc, (r) => out.push(r));
  return out;
}

/** The parent node of a narrow dependency (operators with one parent use dep 0). */
export function parentOf(node: LiveNode, i = 0): LiveNode {
  const dep = node.deps[i];
  if (!dep?.node) throw new Error(`internal: dependency ${i} of RDD ${node.id} is not narrow`);
  return dep.node;
}
