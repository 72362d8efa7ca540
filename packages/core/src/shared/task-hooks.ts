/**
 * What exec/task.ts calls around each task: enter the task's shared-variable scope (broadcast shipments, fresh
 * task-local accumulators), and report at the end. Importing this module also registers the loaders of broadcast
 * and accumulator handles in the thread, so functions that capture them can be rebuilt.
 */
import { isMainThread } from 'node:worker_threads';
import { stateOf } from './accumulator.js';
import { applyReleases } from './broadcast.js';
import { popScope, pushScope, type AccumulatorUpdate, type SharedVarsPayload, type SharedVarsReport } from './scope.js';

export type { SharedVarsPayload, SharedVarsReport } from './scope.js';

export interface SharedTaskScope {
  /** The task's report: accumulator updates (only when `ok`) and the broadcasts it deserialized. */
  report(ok: boolean): SharedVarsReport | undefined;
  /** Leaves the scope (always call it, in a `finally`). */
  exit(): void;
}

export function enterSharedScope(payload: SharedVarsPayload | undefined): SharedTaskScope {
  applyReleases(payload?.released);
  const scope = pushScope(payload);
  return {
    report(ok) {
      let accumulators: AccumulatorUpdate[] | undefined;
      if (ok) {
        for (const [id, acc] of scope.accumulators) {
          if (acc.isZero()) continue;
          // On the driver's thread (master 'local') nothing is copied on the way back: copy now, so the driver's
          // accumulator never shares objects with the task, as with worker threads.
          const state = isMainThread ? structuredClone(stateOf(acc)) : stateOf(acc);
          (accumulators ??= []).push({ id, state });
        }
      }
      const loads = scope.broadcastLoads;
      if (!accumulators && loads.length === 0) return undefined;
      return { ...(accumulators ? { accumulators } : {}), ...(loads.length > 0 ? { broadcastLoads: loads } : {}) };
    },
    exit() {
      popScope(scope);
    },
  };
}
