/**
 * Broadcast variables (Spark's `Broadcast[T]`): a read-only value serialized once on the driver, shipped to each
 * worker thread at most once, and deserialized there at most once and cached by broadcast id.
 *
 * - driver: `context.broadcast(value)` v8-serializes the value into a SharedArrayBuffer right away. A function
 *   that captures the `Broadcast` ships it by reference (closure handles: only `{ id }` travels with the function).
 * - scheduler: a stage whose functions capture broadcasts sends, with each task, the SharedArrayBuffer of each
 *   (sharing memory copies nothing), or the fact that it was destroyed (shared/driver-hooks.ts).
 * - task: the rebuilt handle (`TaskBroadcast`) deserializes on first `.value` in the thread and caches the result
 *   by id and generation; `unpersist()` bumps the generation, so threads drop their copy and the next use ships
 *   and deserializes it again.
 */
import { deserialize, serialize } from 'node:v8';
import { registerHandleLoader, SHIP_HANDLE, type HandleRef } from '../closure/index.js';
import { BroadcastError } from '../errors.js';
import { userCallSite } from '../util/call-site.js';
import { currentScope, type BroadcastShipment, type TaskScope } from './scope.js';

export const BROADCAST_KIND = 'kindling.broadcast';

/** Where a broadcast was deserialized: one entry per deserialization, reported with the task that did it. */
export interface BroadcastLoad {
  /** The thread: 0 is the driver's (master 'local'), other numbers are worker threads. */
  readonly threadId: number;
  readonly stageId: number;
  readonly partition: number;
}

/** Driver-side state of a broadcast, in a process-wide registry by id (ids are unique in the process). */
interface BroadcastState {
  readonly id: number;
  value: unknown;
  bytes: SharedArrayBuffer | null;
  /** Bumped by unpersist(): threads holding an older generation drop it. */
  gen: number;
  destroyedAt: string | null;
  readonly owner: object;
  readonly loads: BroadcastLoad[];
}

let nextBroadcastId = 0;
const states = new Map<number, BroadcastState>();
const stateOf = new WeakMap<Broadcast<unknown>, BroadcastState>();
/** Why a broadcast that is gone from `states` is gone (capped: only recent ones are remembered). */
const tombstones = new Map<number, string>();
/** Recent unpersist/destroy events, sent with tasks so threads drop stale copies: [id, generation or -1]. */
const released: [number, number][] = [];
const MAX_REMEMBERED = 1024;

function remember<K, V>(map: Map<K, V>, key: K, value: V): void {
  map.set(key, value);
  if (map.size > MAX_REMEMBERED) map.delete(map.keys().next().value as K);
}

function release(id: number, gen: number): void {
  released.push([id, gen]);
  if (released.length > MAX_REMEMBERED) released.splice(0, released.length - MAX_REMEMBERED);
  // The driver's thread runs tasks too (master 'local'): drop its copy now.
  dropCached(id, gen);
}

/**
 * A broadcast nothing holds any more cannot be used again (a task ships its handle while the job that captured it
 * runs): its bytes and the threads' copies are dropped, as Spark's ContextCleaner does. Without this a long
 * session kept every broadcast join's build side of every query.
 */
const collected = new FinalizationRegistry<number>((id) => {
  const state = states.get(id);
  if (!state) return;
  state.bytes = null;
  state.value = undefined;
  states.delete(id);
  release(id, -1);
});

function destroyedError(id: number, reason: string): BroadcastError {
  return new BroadcastError(
    'BROADCAST_DESTROYED',
    `Attempted to use Broadcast(${id}) after it was destroyed (${reason}). A destroyed broadcast cannot be used ` +
      'again, on the driver or in tasks; create a new one with context.broadcast(value).',
  );
}

/**
 * A read-only value shared with every task (Spark's `Broadcast`). Create it with `context.broadcast(value)`, capture
 * it in functions and read `b.value` inside them: it is shipped to each worker thread once, not with every task.
 */
export class Broadcast<T> {
  /** Unique in the process. */
  readonly id: number;

  /** @internal Use `context.broadcast(value)`. */
  constructor(value: T, owner: object) {
    let bytes: Buffer;
    try {
      bytes = serialize(value);
    } catch (error) {
      throw new BroadcastError(
        'BROADCAST_NOT_SERIALIZABLE',
        `Cannot broadcast this value: ${error instanceof Error ? error.message : String(error)}. A broadcast value ` +
          'must be plain data that v8.serialize copies (numbers, strings, arrays, plain objects, Map, Set, Date, ' +
          'typed arrays, ...), without functions. To share code, use moduleFunction.',
        { cause: error },
      );
    }
    const shared = new SharedArrayBuffer(bytes.length);
    new Uint8Array(shared).set(bytes);
    this.id = nextBroadcastId++;
    const state: BroadcastState = { id: this.id, value, bytes: shared, gen: 0, destroyedAt: null, owner, loads: [] };
    states.set(this.id, state);
    stateOf.set(this as Broadcast<unknown>, state);
    collected.register(this, this.id);
  }

  /** The value. On the driver it is the object given to `broadcast()`; in a task, the thread's deserialized copy. */
  get value(): T {
    const state = stateOf.get(this as Broadcast<unknown>)!;
    if (state.destroyedAt !== null) throw destroyedError(this.id, state.destroyedAt);
    return state.value as T;
  }

  /**
   * Drops the copies held by worker threads (each thread drops it when it runs its next task); the value stays
   * on the driver, and the next job that uses the broadcast ships it again.
   */
  unpersist(): void {
    const state = stateOf.get(this as Broadcast<unknown>)!;
    if (state.destroyedAt !== null) throw destroyedError(this.id, state.destroyedAt);
    state.gen++;
    release(this.id, state.gen);
  }

  /** Drops the value everywhere, the driver included. Any later use, in a task or on the driver, fails with BROADCAST_DESTROYED. */
  destroy(): void {
    const state = stateOf.get(this as Broadcast<unknown>)!;
    if (state.destroyedAt !== null) return;
    state.destroyedAt = `destroy at ${userCallSite()}`;
    state.value = undefined;
    state.bytes = null;
    states.delete(this.id);
    remember(tombstones, this.id, state.destroyedAt);
    release(this.id, -1);
  }

  toString(): string {
    return `Broadcast(${this.id})`;
  }

  /** @internal Ships by reference: only the id travels with a function. */
  [SHIP_HANDLE](): HandleRef {
    const state = stateOf.get(this as Broadcast<unknown>)!;
    if (state.destroyedAt !== null) throw destroyedError(this.id, state.destroyedAt);
    return { kind: BROADCAST_KIND, data: { id: this.id } };
  }
}

// ---- driver side, for the scheduler ------------------------------------------------------------------------

/** What to send with a task for broadcast `id`. */
export function broadcastShipment(id: number): BroadcastShipment {
  const state = states.get(id);
  if (!state || !state.bytes) return { destroyed: tombstones.get(id) ?? 'its context was stopped' };
  return { bytes: state.bytes, gen: state.gen };
}

/** Recent unpersist/destroy events, for tasks to drop stale copies. */
export function releasedBroadcasts(): [number, number][] {
  return released.slice();
}

/** Records deserializations reported by a task. */
export function recordBroadcastLoads(ids: readonly number[], where: BroadcastLoad): void {
  for (const id of ids) states.get(id)?.loads.push(where);
}

/** Releases the broadcasts created by a context that is stopping (their shipped bytes; the driver value stays). */
export function releaseBroadcastsOf(owner: object): void {
  for (const state of [...states.values()]) {
    if (state.owner !== owner) continue;
    state.bytes = null;
    states.delete(state.id);
    remember(tombstones, state.id, 'its context was stopped');
    release(state.id, -1);
  }
}

/**
 * Diagnostics: every deserialization of `b`'s value, with the thread and task that did it. Each thread
 * deserializes a broadcast at most once (again after `unpersist()`), however many tasks read it.
 */
export function broadcastDeserializations(b: Broadcast<unknown>): readonly BroadcastLoad[] {
  return [...(stateOf.get(b)?.loads ?? [])];
}

// ---- every thread ------------------------------------------------------------------------------------------

/** This thread's deserialized copies, by broadcast id. */
const cache = new Map<number, { gen: number; value: unknown }>();

function dropCached(id: number, gen: number): void {
  const cached = cache.get(id);
  if (cached && (gen < 0 || cached.gen < gen)) cache.delete(id);
}

/** Applies the unpersist/destroy events a task carries (called when a task starts). */
export function applyReleases(events: readonly [number, number][] | undefined): void {
  if (!events || cache.size === 0) return;
  for (const [id, gen] of events) dropCached(id, gen);
}

function taskValue(id: number, scope: TaskScope): unknown {
  const shipment = scope.payload?.broadcasts?.[id];
  if (!shipment) {
    throw new BroadcastError(
      'BROADCAST_NOT_SHIPPED',
      `Broadcast(${id}) was not sent with this task. Broadcasts are found in the functions of a transformation or ` +
        'action (captured directly or through captured functions); one stored in other data (a fold zero value, ' +
        'an element of an RDD) is not. Capture the Broadcast itself in the function.',
    );
  }
  if ('destroyed' in shipment) throw destroyedError(id, shipment.destroyed);
  const cached = cache.get(id);
  if (cached && cached.gen === shipment.gen) return cached.value;
  const value = deserialize(new Uint8Array(shipment.bytes));
  cache.set(id, { gen: shipment.gen, value });
  scope.broadcastLoads.push(id);
  return value;
}

/** Outside a task (a function rebuilt on the driver, e.g. to merge partial results): the driver's value. */
function driverValue(id: number): unknown {
  const state = states.get(id);
  if (state) return state.value;
  const reason = tombstones.get(id);
  if (reason !== undefined) throw destroyedError(id, reason);
  throw new BroadcastError('BROADCAST_NOT_SHIPPED', `Broadcast(${id}) is not available in this thread outside a task.`);
}

/** A broadcast as rebuilt in a task's thread: reads the thread's copy, deserialized on first use. */
class TaskBroadcast<T> {
  private lastScope: TaskScope | null = null;
  private lastValue: unknown;

  constructor(readonly id: number) {}

  get value(): T {
    const scope = currentScope();
    if (scope === null) return driverValue(this.id) as T;
    if (scope !== this.lastScope) {
      this.lastValue = taskValue(this.id, scope);
      this.lastScope = scope;
    }
    return this.lastValue as T;
  }

  unpersist(): void {
    this.driverOnly('unpersist');
  }

  destroy(): void {
    this.driverOnly('destroy');
  }

  toString(): string {
    return `Broadcast(${this.id})`;
  }

  [SHIP_HANDLE](): HandleRef {
    return { kind: BROADCAST_KIND, data: { id: this.id } };
  }

  private driverOnly(op: string): never {
    throw new BroadcastError(
      'BROADCAST_DRIVER_ONLY',
      `Broadcast(${this.id}).${op}() was called inside a task; call it on the driver, on the object context.broadcast() returned.`,
    );
  }
}

registerHandleLoader(BROADCAST_KIND, (data) => new TaskBroadcast((data as { id: number }).id));
