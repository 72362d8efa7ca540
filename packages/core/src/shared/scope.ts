/**
 * The shared-variable state of the task running on this thread. A thread runs one task at a time and a task runs
 * synchronously (exec/task.ts), so "the current task" is a plain module variable, set around each task.
 *
 * Captured broadcasts and accumulators are rebuilt once per thread with the stage's functions, and those are
 * reused by every task of the stage on that thread; so the rebuilt objects are thin references that look up the
 * current task here: its broadcast shipments, and its own task-local accumulator copies.
 */

/** How a broadcast travels to a task: its serialized value in shared memory, or the fact it was destroyed. */
export type BroadcastShipment =
  | { readonly bytes: SharedArrayBuffer; readonly gen: number }
  | { readonly destroyed: string };

/** What the driver sends with each task of a stage that uses shared variables (plain data, shared memory). */
export interface SharedVarsPayload {
  /** The broadcasts the stage's functions capture, by id. */
  broadcasts?: Record<number, BroadcastShipment>;
  /** Recently unpersisted ([id, generation]) or destroyed ([id, -1]) broadcasts: threads drop their copies. */
  released?: [number, number][];
}

/** An accumulator's task-local state (its own enumerable fields), merged into the driver's accumulator. */
export interface AccumulatorUpdate {
  id: number;
  state: Record<string, unknown>;
}

/** What a task sends back: accumulator updates (only used when the attempt succeeded) and diagnostics. */
export interface SharedVarsReport {
  accumulators?: AccumulatorUpdate[];
  /** Ids of the broadcasts this task deserialized (each thread does it at most once per broadcast). */
  broadcastLoads?: number[];
}

/** An accumulator as the scope needs it: something whose state is its own enumerable fields. */
export interface LocalAccumulator {
  isZero(): boolean;
}

export class TaskScope {
  /** Task-local accumulator copies, created on first use, by accumulator id. */
  readonly accumulators = new Map<number, LocalAccumulator>();
  /** Broadcast ids deserialized during this task. */
  readonly broadcastLoads: number[] = [];

  constructor(
    readonly payload: SharedVarsPayload | undefined,
    readonly previous: TaskScope | null,
  ) {}
}

let current: TaskScope | null = null;

export function currentScope(): TaskScope | null {
  return current;
}

export function pushScope(payload: SharedVarsPayload | undefined): TaskScope {
  current = new TaskScope(payload, current);
  return current;
}

export function popScope(scope: TaskScope): void {
  if (current === scope) current = scope.previous;
}
