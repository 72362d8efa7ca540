/**
 * What the DAG scheduler calls: which broadcasts to send with the tasks of a stage, and what to do with a task's
 * report (merge accumulator updates of successful attempts, once per partition for result stages).
 */
import { handlesOf, isShippedFunction, type ShippedFunction } from '../closure/index.js';
import { isFnParam, shippedOf } from '../lineage/fn-param.js';
import { mergeUpdate } from './accumulator.js';
import { BROADCAST_KIND, broadcastShipment, recordBroadcastLoads, releasedBroadcasts } from './broadcast.js';
import type { BroadcastShipment, SharedVarsPayload, SharedVarsReport } from './scope.js';

/** Ids of the broadcasts captured by the functions anywhere in `stage` (a stage binary: plain data and FnParams). */
export function broadcastIdsIn(stage: unknown, out = new Set<number>()): Set<number> {
  const visitShipped = (shipped: ShippedFunction) => {
    for (const ref of handlesOf(shipped)) {
      if (ref.kind === BROADCAST_KIND) out.add((ref.data as { id: number }).id);
      else visit(ref.data); // e.g. a custom accumulator's methods may capture broadcasts
    }
  };
  const visit = (value: unknown) => {
    if (value === null || typeof value !== 'object') return;
    if (isFnParam(value)) return visitShipped(shippedOf(value));
    if (isShippedFunction(value)) return visitShipped(value);
    if (Array.isArray(value)) {
      for (const v of value) visit(v);
    } else if (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null) {
      for (const v of Object.values(value)) visit(v);
    }
  };
  visit(stage);
  return out;
}

/** What every task of `stage` carries for shared variables, or undefined when nothing is needed. */
export function sharedVarsForStage(stage: unknown): SharedVarsPayload | undefined {
  const ids = broadcastIdsIn(stage);
  const released = releasedBroadcasts();
  if (ids.size === 0 && released.length === 0) return undefined;
  const payload: SharedVarsPayload = {};
  if (ids.size > 0) {
    const broadcasts: Record<number, BroadcastShipment> = {};
    for (const id of ids) broadcasts[id] = broadcastShipment(id);
    payload.broadcasts = broadcasts;
  }
  if (released.length > 0) payload.released = released;
  return payload;
}

/** Result-stage partitions whose accumulator updates were merged, per stage run (StageInfo). */
const mergedPartitions = new WeakMap<object, Set<number>>();

/**
 * Handles a finished task attempt's report. Accumulator updates count only when the attempt succeeded; in a
 * result stage, only the first successful attempt of each partition counts (Spark's guarantee for actions).
 * In a shuffle map stage, every successful run counts, so a map stage that runs again to recompute lost output
 * adds again (Spark's caveat for accumulators updated in transformations).
 */
export function mergeTaskUpdates(
  outcome: { ok: boolean; threadId: number; shared?: SharedVarsReport | undefined },
  stage: { stageId: number; kind: string },
  partition: number,
): void {
  const report = outcome.shared;
  if (report?.broadcastLoads) {
    recordBroadcastLoads(report.broadcastLoads, { threadId: outcome.threadId, stageId: stage.stageId, partition });
  }
  if (!outcome.ok) return;
  if (stage.kind === 'result') {
    let merged = mergedPartitions.get(stage);
    if (!merged) mergedPartitions.set(stage, (merged = new Set()));
    if (merged.has(partition)) return;
    merged.add(partition);
  }
  for (const update of report?.accumulators ?? []) mergeUpdate(update.id, update.state);
}
