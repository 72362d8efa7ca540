/**
 * Accumulators (Spark's `AccumulatorV2`): variables that tasks only add to, merged into the driver's copy.
 *
 * - driver: `context.register(acc, name?)` (or `longAccumulator()`, ...) gives the accumulator an id and keeps a
 *   weak reference to it by id. A function that captures it ships it by reference (closure handles).
 * - task: the rebuilt handle (`TaskAccumulator`) works on a task-local copy that starts at zero, created on first
 *   use in each task (`add`, `value`, ...). When the task ends, the copy's state (its own enumerable fields) goes
 *   back with the task's result.
 * - scheduler: merges those states into the driver's accumulator only when the attempt succeeded, and for result
 *   stages only once per partition (shared/driver-hooks.ts).
 *
 * Custom accumulators (subclasses of `AccumulatorV2`) ship their methods by source, like any captured function:
 * the thread rebuilds an object with the same methods and the zero state. `copy()` and `merge()` run only on the
 * driver, so they may use the class itself (`new MyAccumulator()`).
 */
import { loadFunction, registerHandleLoader, SHIP_HANDLE, shipFunction, moduleUrlsOf } from '../closure/index.js';
import type { HandleRef, ShippedFunction } from '../closure/index.js';
import { AccumulatorError } from '../errors.js';
import { currentScope, type TaskScope } from './scope.js';

export const ACCUMULATOR_KIND = 'kindling.accumulator';

interface AccumulatorMeta {
  readonly id: number;
  readonly name: string | undefined;
}

const metas = new WeakMap<object, AccumulatorMeta>();
let nextAccumulatorId = 0;

/** Registered accumulators of this process (the driver's), by id; weak, as Spark's AccumulatorContext. */
const registered = new Map<number, WeakRef<AccumulatorV2<unknown, unknown>>>();
const unregisterOnCollect = new FinalizationRegistry<number>((id) => {
  if (registered.get(id)?.deref() === undefined) registered.delete(id);
});

/**
 * The base class of accumulators (Spark's `AccumulatorV2[IN, OUT]`): `IN` is what `add` takes, `OUT` what `value`
 * gives. Subclasses implement `isZero`, `copy`, `reset`, `add`, `merge` and the `value` getter, and keep their
 * state in own fields of plain data (that state travels from tasks back to the driver). Register an instance with
 * `context.register(acc, name?)` before using it in a task.
 */
export abstract class AccumulatorV2<IN, OUT> {
  /** Whether the accumulator has been registered with a context. */
  get isRegistered(): boolean {
    return metas.has(this);
  }

  /** Unique in the process; assigned by `context.register`. */
  get id(): number {
    return this.meta().id;
  }

  /** The name given to `context.register` (or `longAccumulator(name)`, ...), if any. */
  get name(): string | undefined {
    return metas.get(this)?.name;
  }

  /** Whether this accumulator holds the zero value (for a sum: 0, for a list: empty). */
  abstract isZero(): boolean;
  /** A new accumulator of the same kind with the same value. */
  abstract copy(): AccumulatorV2<IN, OUT>;
  /** Back to the zero value. */
  abstract reset(): void;
  /** Adds one input. */
  abstract add(v: IN): void;
  /** Merges another accumulator of the same kind into this one (the driver merges task results with it). */
  abstract merge(other: AccumulatorV2<IN, OUT>): void;
  /** The current value: on the driver, the merged value; inside a task, the task's own updates. */
  abstract get value(): OUT;

  /** A copy at the zero value. */
  copyAndReset(): AccumulatorV2<IN, OUT> {
    const copy = this.copy();
    copy.reset();
    return copy;
  }

  toString(): string {
    const meta = metas.get(this);
    const id = meta ? String(meta.id) : 'unregistered';
    return `${className(this)}(id: ${id}, name: ${meta?.name ?? 'None'}, value: ${String(this.value)})`;
  }

  /** @internal Ships by reference: the id, the kind, and for custom accumulators their methods and zero state. */
  [SHIP_HANDLE](): HandleRef {
    const meta = metas.get(this);
    if (!meta) {
      throw new AccumulatorError(
        'ACCUMULATOR_NOT_REGISTERED',
        `${className(this)} must be registered before it is used in a task: context.register(acc, name?), or create ` +
          'it with context.longAccumulator(name?), doubleAccumulator or collectionAccumulator.',
      );
    }
    const data = describe(this, meta);
    return { kind: ACCUMULATOR_KIND, data, modules: data.modules };
  }

  private meta(): AccumulatorMeta {
    const meta = metas.get(this);
    if (!meta) {
      throw new AccumulatorError('ACCUMULATOR_NOT_REGISTERED', `${className(this)} has no id until it is registered: context.register(acc, name?).`);
    }
    return meta;
  }
}

function className(acc: object): string {
  const ctor = (Object.getPrototypeOf(acc) as { constructor?: { name?: string } } | null)?.constructor;
  return ctor?.name || 'AccumulatorV2';
}

/**
 * Sums and counts integers (Spark's `LongAccumulator`). Kindling uses JS numbers: sums are exact up to 2^53
 * (Number.MAX_SAFE_INTEGER) and lose precision beyond; Spark's 64-bit longs would overflow at 2^63 instead.
 */
export class LongAccumulator extends AccumulatorV2<number, number> {
  private _sum = 0;
  private _count = 0;

  isZero(): boolean {
    return this._sum === 0 && this._count === 0;
  }

  copy(): LongAccumulator {
    const copy = new LongAccumulator();
    copy._sum = this._sum;
    copy._count = this._count;
    return copy;
  }

  override copyAndReset(): LongAccumulator {
    return new LongAccumulator();
  }

  reset(): void {
    this._sum = 0;
    this._count = 0;
  }

  /** Adds an integer; anything else fails with INVALID_ACCUMULATOR_VALUE (use a doubleAccumulator for fractions). */
  add(v: number): void {
    if (!Number.isInteger(v)) {
      throw new AccumulatorError('INVALID_ACCUMULATOR_VALUE', `LongAccumulator.add expects an integer, got ${String(v)}. Use a doubleAccumulator for fractional numbers.`);
    }
    this._sum += v;
    this._count++;
  }

  /** The number of values added. */
  get count(): number {
    return this._count;
  }

  get sum(): number {
    return this._sum;
  }

  /** sum / count (NaN when nothing was added, as Spark's 0.0 / 0). */
  get avg(): number {
    return this._sum / this._count;
  }

  merge(other: AccumulatorV2<number, number>): void {
    if (!(other instanceof LongAccumulator)) throw cannotMerge(this, other);
    this._sum += other._sum;
    this._count += other._count;
  }

  get value(): number {
    return this._sum;
  }
}

/** Sums and counts numbers (Spark's `DoubleAccumulator`). */
export class DoubleAccumulator extends AccumulatorV2<number, number> {
  private _sum = 0;
  private _count = 0;

  isZero(): boolean {
    return this._sum === 0 && this._count === 0;
  }

  copy(): DoubleAccumulator {
    const copy = new DoubleAccumulator();
    copy._sum = this._sum;
    copy._count = this._count;
    return copy;
  }

  override copyAndReset(): DoubleAccumulator {
    return new DoubleAccumulator();
  }

  reset(): void {
    this._sum = 0;
    this._count = 0;
  }

  add(v: number): void {
    if (typeof v !== 'number') {
      throw new AccumulatorError('INVALID_ACCUMULATOR_VALUE', `DoubleAccumulator.add expects a number, got ${typeof v}.`);
    }
    this._sum += v;
    this._count++;
  }

  get count(): number {
    return this._count;
  }

  get sum(): number {
    return this._sum;
  }

  get avg(): number {
    return this._sum / this._count;
  }

  merge(other: AccumulatorV2<number, number>): void {
    if (!(other instanceof DoubleAccumulator)) throw cannotMerge(this, other);
    this._sum += other._sum;
    this._count += other._count;
  }

  get value(): number {
    return this._sum;
  }
}

/**
 * Collects elements into a list (Spark's `CollectionAccumulator`). The order of elements across tasks is the order
 * in which tasks finished. Elements must be plain data (they are copied back from the worker threads).
 */
export class CollectionAccumulator<T> extends AccumulatorV2<T, T[]> {
  private _list: T[] = [];

  isZero(): boolean {
    return this._list.length === 0;
  }

  copy(): CollectionAccumulator<T> {
    const copy = new CollectionAccumulator<T>();
    copy._list = this._list.slice();
    return copy;
  }

  override copyAndReset(): CollectionAccumulator<T> {
    return new CollectionAccumulator<T>();
  }

  reset(): void {
    this._list = [];
  }

  add(v: T): void {
    this._list.push(v);
  }

  merge(other: AccumulatorV2<T, T[]>): void {
    if (!(other instanceof CollectionAccumulator)) throw cannotMerge(this, other);
    for (const v of (other as CollectionAccumulator<T>)._list) this._list.push(v);
  }

  /** A copy of the list. */
  get value(): T[] {
    return this._list.slice();
  }
}

function cannotMerge(self: object, other: object): AccumulatorError {
  return new AccumulatorError('ACCUMULATOR_MERGE_MISMATCH', `Cannot merge a ${className(other)} into a ${className(self)}.`);
}

const BUILT_IN = new Map<object, BaseKind>([
  [AccumulatorV2.prototype, 'v2'],
  [LongAccumulator.prototype, 'long'],
  [DoubleAccumulator.prototype, 'double'],
  [CollectionAccumulator.prototype, 'collection'],
]);

type BaseKind = 'v2' | 'long' | 'double' | 'collection';

function builtIn(kind: Exclude<BaseKind, 'v2'>): AccumulatorV2<unknown, unknown> {
  switch (kind) {
    case 'long':
      return new LongAccumulator() as AccumulatorV2<unknown, unknown>;
    case 'double':
      return new DoubleAccumulator() as AccumulatorV2<unknown, unknown>;
    case 'collection':
      return new CollectionAccumulator<unknown>();
  }
}

// ---- registration (driver) -----------------------------------------------------------------------------------

/** Gives `acc` an id and a name and registers it, as Spark's `SparkContext.register`. */
export function registerAccumulator(acc: AccumulatorV2<unknown, unknown>, name?: string): void {
  if (!(acc instanceof AccumulatorV2)) {
    throw new AccumulatorError('ACCUMULATOR_NOT_REGISTERED', 'register expects an AccumulatorV2 (LongAccumulator, DoubleAccumulator, CollectionAccumulator or a subclass).');
  }
  if (metas.has(acc)) {
    throw new AccumulatorError('ACCUMULATOR_ALREADY_REGISTERED', `${acc.toString()} is already registered; an accumulator is registered once.`);
  }
  // A custom accumulator's methods are shipped now, so a method that cannot be shipped fails at this line.
  if (!BUILT_IN.has(Object.getPrototypeOf(acc) as object)) shippedLevels(acc);
  const meta: AccumulatorMeta = { id: nextAccumulatorId++, name };
  metas.set(acc, meta);
  registered.set(meta.id, new WeakRef(acc));
  unregisterOnCollect.register(acc, meta.id);
}

/** The driver's accumulator with this id, if it is registered in this thread and still referenced. */
export function driverAccumulator(id: number): AccumulatorV2<unknown, unknown> | undefined {
  return registered.get(id)?.deref();
}

/** Merges a task's update into the driver's accumulator (the scheduler calls this for successful attempts). */
export function mergeUpdate(id: number, state: Record<string, unknown>): void {
  const acc = driverAccumulator(id);
  if (!acc) return; // no longer referenced by the program: nobody can read it
  const other = acc.copyAndReset();
  Object.assign(other, state);
  acc.merge(other);
}

/** Own enumerable fields: the state that travels from a task back to the driver. */
export function stateOf(acc: object): Record<string, unknown> {
  return { ...(acc as Record<string, unknown>) };
}

// ---- shipped form ------------------------------------------------------------------------------------------

/** One class of a custom accumulator's prototype chain: its methods and accessors, shipped by source. */
interface ShippedLevel {
  readonly className: string;
  readonly members: readonly {
    readonly key: string;
    readonly value?: ShippedFunction;
    readonly get?: ShippedFunction;
    readonly set?: ShippedFunction;
  }[];
}

interface AccumulatorData {
  readonly id: number;
  readonly name: string | undefined;
  readonly base: BaseKind;
  /** Custom accumulators: the classes between the instance and the built-in base, nearest first. */
  readonly levels?: readonly ShippedLevel[];
  /** Custom accumulators: the fields of a zero copy (`copyAndReset()`), taken when the function is defined. */
  readonly zero?: Record<string, unknown>;
  readonly modules?: readonly string[];
}

/** Driver-only methods: they typically build instances of the class itself, which cannot be shipped. */
const DRIVER_ONLY = new Set(['constructor', 'copy', 'merge', 'copyAndReset']);
const levelCache = new WeakMap<object, ShippedLevel>();

function shippedLevels(acc: object): { base: BaseKind; levels: ShippedLevel[] } {
  const levels: ShippedLevel[] = [];
  let proto = Object.getPrototypeOf(acc) as object | null;
  while (proto !== null && !BUILT_IN.has(proto)) {
    levels.push(shipLevel(proto));
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  if (proto === null) throw new AccumulatorError('ACCUMULATOR_NOT_REGISTERED', 'An accumulator must extend AccumulatorV2.');
  return { base: BUILT_IN.get(proto)!, levels };
}

function shipLevel(proto: object): ShippedLevel {
  const cached = levelCache.get(proto);
  if (cached) return cached;
  const name = className(proto) === 'AccumulatorV2' ? 'anonymous' : className(proto);
  const members: ShippedLevel['members'][number][] = [];
  for (const key of Object.getOwnPropertyNames(proto)) {
    if (DRIVER_ONLY.has(key)) continue;
    const d = Object.getOwnPropertyDescriptor(proto, key)!;
    const op = `${name}.${key}`;
    if (typeof d.value === 'function') members.push({ key, value: shipFunction(d.value as Function, op) });
    else if (d.get || d.set) {
      members.push({
        key,
        ...(d.get ? { get: shipFunction(d.get, `get ${op}`) } : {}),
        ...(d.set ? { set: shipFunction(d.set, `set ${op}`) } : {}),
      });
    }
  }
  const level: ShippedLevel = { className: name, members };
  levelCache.set(proto, level);
  return level;
}

function describe(acc: AccumulatorV2<unknown, unknown>, meta: AccumulatorMeta): AccumulatorData {
  const base = BUILT_IN.get(Object.getPrototypeOf(acc) as object);
  if (base !== undefined && base !== 'v2') return { id: meta.id, name: meta.name, base };
  const { base: root, levels } = shippedLevels(acc);
  const modules = new Set<string>();
  for (const level of levels) {
    for (const m of level.members) for (const f of [m.value, m.get, m.set]) if (f) for (const u of moduleUrlsOf(f)) modules.add(u);
  }
  return { id: meta.id, name: meta.name, base: root, levels, zero: stateOf(acc.copyAndReset()), modules: [...modules] };
}

// ---- task side -----------------------------------------------------------------------------------------------

/** Rebuilt prototypes of custom accumulators in this thread, by the ids of their shipped methods. */
const protoCache = new Map<string, object>();

function rebuiltPrototype(data: AccumulatorData): object {
  const levels = data.levels ?? [];
  const key = `${data.base}|${levels.map((l) => l.members.map((m) => (m.value ?? m.get ?? m.set)!.id).join(',')).join('|')}`;
  let proto = protoCache.get(key);
  if (proto) return proto;
  const base = data.base === 'v2' ? AccumulatorV2.prototype : Object.getPrototypeOf(builtIn(data.base)) as object;
  proto = base;
  for (let i = levels.length - 1; i >= 0; i--) {
    const level = levels[i]!;
    const next = Object.create(proto) as object;
    for (const m of level.members) {
      if (m.value) {
        Object.defineProperty(next, m.key, { value: loadFunction(m.value), writable: true, configurable: true, enumerable: false });
      } else {
        Object.defineProperty(next, m.key, {
          get: m.get ? (loadFunction(m.get) as () => unknown) : undefined,
          set: m.set ? (loadFunction(m.set) as (v: unknown) => void) : undefined,
          configurable: true,
          enumerable: false,
        });
      }
    }
    proto = next;
  }
  protoCache.set(key, proto);
  if (protoCache.size > 256) protoCache.delete(protoCache.keys().next().value as string);
  return proto;
}

/** A task-local copy at zero. */
function makeLocal(data: AccumulatorData): AccumulatorV2<unknown, unknown> {
  let acc: AccumulatorV2<unknown, unknown>;
  if (data.levels && data.levels.length > 0) {
    acc = Object.create(rebuiltPrototype(data)) as AccumulatorV2<unknown, unknown>;
    Object.assign(acc, structuredClone(data.zero ?? {}));
  } else {
    acc = builtIn(data.base === 'v2' ? 'long' : data.base);
  }
  metas.set(acc, { id: data.id, name: data.name });
  return acc;
}

/**
 * An accumulator as rebuilt in a task's thread. Functions of a stage are rebuilt once per thread and reused by its
 * tasks, so this object holds no value: each call goes to the current task's own copy (created at zero on first
 * use). Outside a task (a function rebuilt on the driver to merge partial results) it goes to the driver's
 * accumulator.
 */
class TaskAccumulator {
  private lastScope: TaskScope | null = null;
  private lastLocal: AccumulatorV2<unknown, unknown> | null = null;

  constructor(private readonly data: AccumulatorData) {
    // Custom accumulators: forward their own methods, accessors and fields too.
    const keys = new Set<string>();
    for (const level of data.levels ?? []) for (const m of level.members) keys.add(m.key);
    for (const key of Object.keys(data.zero ?? {})) keys.add(key);
    for (const key of keys) {
      if (key in this) continue;
      Object.defineProperty(this, key, {
        get: () => {
          const local = this.local();
          const v = (local as unknown as Record<string, unknown>)[key];
          return typeof v === 'function' ? (v as Function).bind(local) : v;
        },
        set: (v: unknown) => {
          (this.local() as unknown as Record<string, unknown>)[key] = v;
        },
        configurable: true,
      });
    }
  }

  get id(): number {
    return this.data.id;
  }

  get name(): string | undefined {
    return this.data.name;
  }

  get isRegistered(): boolean {
    return true;
  }

  add(v: unknown): void {
    this.local().add(v);
  }

  get value(): unknown {
    return this.local().value;
  }

  get sum(): unknown {
    return (this.local() as unknown as { sum?: unknown }).sum;
  }

  get count(): unknown {
    return (this.local() as unknown as { count?: unknown }).count;
  }

  get avg(): unknown {
    return (this.local() as unknown as { avg?: unknown }).avg;
  }

  isZero(): boolean {
    return this.local().isZero();
  }

  reset(): void {
    this.local().reset();
  }

  merge(other: AccumulatorV2<unknown, unknown>): void {
    this.local().merge(other);
  }

  copy(): AccumulatorV2<unknown, unknown> {
    return this.local().copy();
  }

  copyAndReset(): AccumulatorV2<unknown, unknown> {
    return this.local().copyAndReset();
  }

  toString(): string {
    return this.local().toString();
  }

  [SHIP_HANDLE](): HandleRef {
    return { kind: ACCUMULATOR_KIND, data: this.data, modules: this.data.modules ?? [] };
  }

  private local(): AccumulatorV2<unknown, unknown> {
    const scope = currentScope();
    if (scope === null) {
      const driver = driverAccumulator(this.data.id);
      if (driver) return driver;
      throw new AccumulatorError('ACCUMULATOR_OUTSIDE_TASK', `Accumulator ${this.data.id} is used outside a task in a thread that does not own it.`);
    }
    if (scope === this.lastScope) return this.lastLocal!;
    let local = scope.accumulators.get(this.data.id) as AccumulatorV2<unknown, unknown> | undefined;
    if (!local) {
      local = makeLocal(this.data);
      scope.accumulators.set(this.data.id, local);
    }
    this.lastScope = scope;
    this.lastLocal = local;
    return local;
  }
}

registerHandleLoader(ACCUMULATOR_KIND, (data) => new TaskAccumulator(data as AccumulatorData));
