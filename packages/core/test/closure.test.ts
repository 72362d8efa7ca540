import { Session } from 'node:inspector';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { ClosureError } from '../src/errors.js';
import {
  loadFunction,
  moduleFunction,
  moduleUrlsOf,
  preloadModules,
  shipFunction,
  type ShippedFunction,
} from '../src/closure/index.js';
import { addOne, Counter, SCALE } from './fixtures/closure-helpers.js';

type Fn = (...args: any[]) => any;

const MODULE_URL = new URL('./fixtures/closure-module.mjs', import.meta.url).href;
const WORKER_URL = new URL('./fixtures/closure-worker.mjs', import.meta.url);

/** A module-scope const, captured by functions below. */
const MODULE_FACTOR = 7;

/**
 * Ships `fn`, copies the shipped data through structuredClone and v8.serialize (as postMessage and a spill
 * would), and rebuilds it. The copy gets a fresh id so that loadFunction really rebuilds it.
 */
function roundTrip<F extends Fn>(fn: F, op = 'map'): F {
  const shipped = shipFunction(fn, op);
  const copied = v8.deserialize(v8.serialize(structuredClone(shipped))) as ShippedFunction;
  return loadFunction({ ...copied, id: `${copied.id}:copy` }) as F;
}

function shipError(fn: unknown, op = 'map'): ClosureError {
  try {
    shipFunction(fn as Function, op);
  } catch (error) {
    expect(error).toBeInstanceOf(ClosureError);
    return error as ClosureError;
  }
  throw new Error('shipFunction did not throw');
}

/** Asserts that `value` is plain data: no functions, no class instances (other than built-in data types). */
function expectPlainData(value: unknown, seen = new Set<unknown>()): void {
  expect(typeof value).not.toBe('function');
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  if (ArrayBuffer.isView(value) || value instanceof Date || value instanceof RegExp) return;
  if (value instanceof Map) {
    for (const [k, v] of value) {
      expectPlainData(k, seen);
      expectPlainData(v, seen);
    }
    return;
  }
  if (value instanceof Set) {
    for (const v of value) expectPlainData(v, seen);
    return;
  }
  const proto = Object.getPrototypeOf(value);
  expect([Object.prototype, Array.prototype, null]).toContain(proto);
  for (const v of Object.values(value)) expectPlainData(v, seen);
}

function runInWorker(message: unknown): Promise<any> {
  const worker = new Worker(WORKER_URL, { execArgv: [] });
  return new Promise((resolve, reject) => {
    worker.once('message', (reply: { ok: boolean; error?: string }) => {
      void worker.terminate();
      if (reply.ok) resolve(reply);
      else reject(new Error(reply.error));
    });
    worker.once('error', (error) => {
      void worker.terminate();
      reject(error);
    });
    worker.postMessage(message);
  });
}

describe('node:inspector', () => {
  it('answers session.post synchronously on the main thread', () => {
    const session = new Session();
    session.connect();
    let answered = false;
    session.post('Runtime.evaluate', { expression: '1 + 1' }, () => {
      answered = true;
    });
    session.disconnect();
    expect(answered).toBe(true);
  });
});

describe('shipFunction → structuredClone / v8.serialize → loadFunction', () => {
  it('ships a function without captures as plain data', () => {
    const shipped = shipFunction((x: number) => x * 2, 'map');
    expectPlainData(shipped);
    expect(shipped.fns).toHaveLength(1);
    expect(shipped.fns[0]).toMatchObject({ k: 'src', names: [] });
    const double = (x: number) => x * 2;
    const rebuilt = roundTrip(double);
    expect(rebuilt).not.toBe(double);
    expect(rebuilt(21)).toBe(42);
  });

  it('captures primitives, including bigint, undefined, NaN and -0', () => {
    const k = 3;
    const label = 'n=';
    const big = 10n ** 20n;
    const nothing = undefined;
    const nan = NaN;
    const negZero = -0;
    const flag = true;
    const empty = null;
    const f = roundTrip((x: number) => [label + x * k, big + BigInt(x), nothing, nan, Object.is(negZero, -0), flag, empty]);
    expect(f(2)).toEqual(['n=6', 100000000000000000002n, undefined, NaN, true, true, null]);
  });

  it('passes captured strings as values, never as source', () => {
    const evil = '"); throw new Error("injected"); ("';
    const f = roundTrip(() => evil.length);
    expect(f()).toBe(evil.length);
  });

  it('captures arrays, plain objects, Map, Set, Date, RegExp and typed arrays', () => {
    const list = [1, 2, [3, 4]];
    const config = { offset: 1, nested: { deep: ['x'] }, bare: Object.assign(Object.create(null), { a: 1 }) };
    const lookup = new Map<string, number>([['a', 1], ['b', 2]]);
    const allowed = new Set(['x', 'y']);
    const when = new Date('2024-01-02T03:04:05Z');
    const pattern = /ab+c/gi;
    const floats = new Float64Array([1.5, 2.5]);
    const bytes = new Uint8Array([1, 2, 3]).subarray(1);
    const raw = new Uint8Array([9, 8]).buffer;
    const view = new DataView(new ArrayBuffer(4));
    view.setInt16(0, 300);
    const buffer = Buffer.from('héllo');
    const f = roundTrip((key: string) => ({
      list: list.flat(),
      config: config.offset + config.nested.deep.length + config.bare.a,
      lookup: lookup.get(key),
      allowed: allowed.has(key),
      year: when.getUTCFullYear(),
      pattern: pattern.source + pattern.flags,
      floats: floats[1],
      bytes: [...bytes],
      raw: new Uint8Array(raw)[0],
      view: view.getInt16(0),
      buffer: Buffer.isBuffer(buffer) ? buffer.toString('utf8') : 'not a Buffer',
    }));
    expect(f('a')).toEqual({
      list: [1, 2, 3, 4],
      config: 3,
      lookup: 1,
      allowed: false,
      year: 2024,
      pattern: 'ab+cgi',
      floats: 2.5,
      bytes: [2, 3],
      raw: 9,
      view: 300,
      buffer: 'héllo',
    });
  });

  it('keeps shared references and cycles in captured data', () => {
    const shared = { n: 1 };
    const pair = [shared, shared];
    const node: { name: string; self?: unknown } = { name: 'loop' };
    node.self = node;
    const f = roundTrip(() => [pair[0] === pair[1], node.self === node]);
    expect(f()).toEqual([true, true]);
  });

  it('ships captured plain functions recursively (helper calling helper)', () => {
    const k = 2;
    const double = (x: number) => x * k;
    function addThenDouble(x: number) {
      return double(x + MODULE_FACTOR);
    }
    const describeIt = (x: number) => `value ${addThenDouble(x)}`;
    const shipped = shipFunction((x: number) => describeIt(x), 'map');
    expect(shipped.fns.filter((e) => e.k === 'src')).toHaveLength(4);
    expect(roundTrip((x: number) => describeIt(x))(1)).toBe('value 16');
  });

  it('ships functions nested in captured objects, arrays and Maps, and restores their names', () => {
    const k = 10;
    const ops = {
      scale: (x: number) => x * k,
      list: [(x: number) => x + 1, Math.abs],
      byName: new Map<string, (x: number) => number>([['neg', (x) => -x]]),
    };
    const shared = { ops };
    const f = roundTrip((x: number) => [
      ops.scale(x),
      ops.list[0]!(x),
      ops.list[1]!(-x),
      ops.byName.get('neg')!(x),
      shared.ops === ops,
      ops.scale.name,
    ]);
    expect(f(3)).toEqual([30, 4, 3, -3, true, 'scale']);
  });

  it('supports functions inside cyclic data', () => {
    const registry: { self?: unknown; twice: (x: number) => number; all?: unknown[] } = { twice: (x) => x * 2 };
    registry.self = registry;
    registry.all = [registry];
    const f = roundTrip((x: number) => [registry.twice(x), registry.self === registry, registry.all![0] === registry]);
    expect(f(4)).toEqual([8, true, true]);
  });

  it('supports self-recursion and mutual recursion', () => {
    const fact = (n: number): number => (n <= 1 ? 1 : n * fact(n - 1));
    const isEven = (n: number): boolean => (n === 0 ? true : isOdd(n - 1));
    const isOdd = (n: number): boolean => (n === 0 ? false : isEven(n - 1));
    function fib(n: number): number {
      return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }
    expect(roundTrip(fact)(5)).toBe(120);
    expect(roundTrip((n: number) => [isEven(n), isOdd(n)])(7)).toEqual([false, true]);
    expect(roundTrip(fib)(10)).toBe(55);
    const shipped = shipFunction((n: number) => isEven(n), 'filter');
    expect(shipped.fns).toHaveLength(3);
  });

  it('rebuilds method shorthand, getters and computed method names', () => {
    const k = 5;
    const obj = {
      add(x: number) {
        return x + k;
      },
      get answer() {
        return 42;
      },
      ['comp' + 'uted'](x: number) {
        return x * k;
      },
    };
    expect(roundTrip(obj.add)(1)).toBe(6);
    expect(roundTrip(obj.computed)(2)).toBe(10);
    const getter = Object.getOwnPropertyDescriptor(obj, 'answer')!.get!;
    expect(roundTrip(getter)()).toBe(42);
    class WithStatic {
      static twice(x: number) {
        return x * 2;
      }
    }
    expect(roundTrip(WithStatic.twice)(4)).toBe(8);
  });

  it('rebuilds async functions, generators and async generators', async () => {
    const k = 3;
    const asyncFn = async (x: number) => {
      await null;
      return x * k;
    };
    function* gen(n: number) {
      for (let i = 0; i < n; i++) yield i * k;
    }
    async function* agen(n: number) {
      for (let i = 0; i < n; i++) yield i + k;
    }
    await expect(roundTrip(asyncFn)(2)).resolves.toBe(6);
    expect([...roundTrip(gen)(3)]).toEqual([0, 3, 6]);
    const out: number[] = [];
    for await (const v of roundTrip(agen)(2)) out.push(v);
    expect(out).toEqual([3, 4]);
  });

  it('ships well-known built-ins by global path', () => {
    for (const [fn, path] of [
      [Math.sqrt, 'Math.sqrt'],
      [String, 'String'],
      [Boolean, 'Boolean'],
      [Number.parseInt, 'Number.parseInt'],
      [JSON.stringify, 'JSON.stringify'],
      [Object.keys, 'Object.keys'],
    ] as const) {
      const shipped = shipFunction(fn, 'map');
      expect(shipped.fns[0]).toEqual({ k: 'global', path });
      expect(loadFunction(structuredClone(shipped))).toBe(fn);
    }
    expect([4, 9].map(roundTrip(Math.sqrt))).toEqual([2, 3]);
    expect([0, 1, ''].filter(roundTrip(Boolean))).toEqual([1]);
    const round = Math.round;
    expect(roundTrip((x: number) => round(x))(2.6)).toBe(3);
  });

  it('ships functions of node: built-in modules by reference', () => {
    const shipped = shipFunction((p: string) => basename(p), 'map');
    expect(moduleUrlsOf(shipped)).toEqual(['node:path']);
    expect(shipped.fns).toContainEqual({ k: 'module', url: 'node:path', exportName: 'basename' });
    expect(roundTrip((p: string) => basename(p))('/a/b/c.txt')).toBe('c.txt');
  });

  it('captures module-scope consts', () => {
    expect(roundTrip((x: number) => x * MODULE_FACTOR)(2)).toBe(14);
  });

  it('reads a captured let when the transformation is defined', () => {
    let threshold = 1;
    const shipped = shipFunction((x: number) => x > threshold, 'filter');
    threshold = 100;
    const f = loadFunction(structuredClone(shipped)) as Fn;
    expect(f(50)).toBe(true);
    expect(threshold).toBe(100);
  });

  it('copies captured objects when the transformation is defined', () => {
    const settings = { limit: 1 };
    const shipped = shipFunction(() => settings.limit, 'map');
    settings.limit = 2;
    expect((loadFunction(shipped) as Fn)()).toBe(1);
  });

  it('treats a local variable named like a global as a capture', () => {
    const JSON = { stringify: () => 'shadowed' };
    const f = roundTrip((x: unknown) => JSON.stringify(x));
    expect(f(1)).toBe('shadowed');
  });

  it('captures globals the program added, and leaves runtime globals alone', () => {
    const g = globalThis as Record<string, unknown>;
    g.kindlingClosureTestGlobal = 5;
    try {
      const shipped = shipFunction(() => (globalThis as any).kindlingClosureTestGlobal + Math.max(1, 2), 'map');
      expect(shipped.fns[0]).toMatchObject({ names: [] }); // globalThis.x is a member access, not an identifier
      // @ts-expect-error an undeclared global
      const f = roundTrip(() => kindlingClosureTestGlobal + Math.max(1, 2));
      const source = shipFunction(f, 'map');
      expect(source.fns[0]).toMatchObject({ names: ['kindlingClosureTestGlobal'] });
      expect(f()).toBe(7);
    } finally {
      delete g.kindlingClosureTestGlobal;
    }
  });

  it('keeps `this` of a non-arrow function its own', () => {
    const f = roundTrip(function (this: unknown, x: number) {
      return [this === undefined, [x].map(() => this === undefined)[0]];
    });
    expect(f(1)).toEqual([true, true]);
  });

  it('rebuilds sloppy-mode functions in sloppy mode', () => {
    const sloppy = new Function('x', 'return (this === undefined ? "strict" : "sloppy") + x') as Fn;
    expect(shipFunction(sloppy, 'map').fns[0]).toMatchObject({ strict: false });
    expect(roundTrip(sloppy)(1)).toBe('sloppy1');
    expect(shipFunction((x: number) => x, 'map').fns[0]).toMatchObject({ strict: true });
  });

  it('provides a shim for esbuild __name(fn, "name")', () => {
    const __name = (target: Function, value: string) => Object.defineProperty(target, 'name', { value, configurable: true });
    const f = (x: number) => {
      const inner = __name((y: number) => y + 1, 'inner');
      return `${inner.name}:${inner(x)}`;
    };
    const shipped = shipFunction(f, 'map');
    expect(shipped.fns).toHaveLength(1);
    expect(shipped.fns[0]).toMatchObject({ names: ['__name'], values: [{ t: 'h', name: '__name' }] });
    expect(roundTrip(f)(1)).toBe('inner:2');
  });

  it('caches the rebuilt function per shipped object and per id', () => {
    const k = 1;
    const shipped = shipFunction((x: number) => x + k, 'map');
    const first = loadFunction(shipped);
    expect(loadFunction(shipped)).toBe(first);
    expect(loadFunction(structuredClone(shipped))).toBe(first);
    const again = shipFunction((x: number) => x + k, 'map');
    expect(again.id).not.toBe(shipped.id);
    expect(loadFunction(again)).not.toBe(first);
  });
});

describe('imports rewritten by vitest', () => {
  it('ships the members of an import namespace that a function uses', () => {
    const f = (x: number) => addOne(x) * SCALE;
    const source = f.toString();
    const rewritten = /__vite_ssr_import_\d+__|__vi_import_\d+__/.test(source);
    const shipped = shipFunction(f, 'map');
    if (rewritten) expect(shipped.fns.length).toBe(2);
    expect(roundTrip(f)(1)).toBe(20);
  });

  it('explains an import that cannot be shipped', () => {
    const f = () => new Counter().inc();
    const error = shipError(f);
    expect(error.code).toBe('CLOSURE_UNSHIPPABLE_CAPTURE');
    expect(error.message).toContain('Counter');
    if (/__vite_ssr_import_\d+__|__vi_import_\d+__/.test(f.toString())) {
      expect(error.message).toMatch(/is how vitest \(vite-node\) rewrote an import/);
    }
  });
});

describe('moduleFunction', () => {
  it('ships an exported function by reference, also when captured', async () => {
    const square = await moduleFunction<(x: number) => number>(MODULE_URL, 'square');
    const triple = await moduleFunction<(x: number) => number>(new URL(MODULE_URL), 'triple');
    expect(square(3)).toBe(9);

    const direct = shipFunction(square, 'map');
    expect(direct.fns).toEqual([{ k: 'module', url: MODULE_URL, exportName: 'square' }]);
    expect(moduleUrlsOf(direct)).toEqual([MODULE_URL]);

    const k = 1;
    const captured = shipFunction((x: number) => triple(square(x)) + k, 'map');
    expect(moduleUrlsOf(captured)).toEqual([MODULE_URL]);
    const copy = v8.deserialize(v8.serialize(captured)) as ShippedFunction;
    await preloadModules(moduleUrlsOf(copy));
    expect((loadFunction({ ...copy, id: `${copy.id}:copy` }) as Fn)(2)).toBe(13);
  });

  it('accepts an absolute path', async () => {
    const square = await moduleFunction<(x: number) => number>(fileURLToPath(MODULE_URL), 'square');
    expect(shipFunction(square, 'map').fns[0]).toMatchObject({ k: 'module', url: MODULE_URL });
  });

  it('rejects bare and relative specifiers, and missing exports', async () => {
    await expect(moduleFunction('lodash', 'chunk')).rejects.toMatchObject({ code: 'CLOSURE_MODULE_SPECIFIER' });
    await expect(moduleFunction('lodash', 'chunk')).rejects.toThrow("import.meta.resolve('lodash')");
    await expect(moduleFunction('./x.js', 'f')).rejects.toThrow("new URL('./x.js', import.meta.url)");
    await expect(moduleFunction(MODULE_URL, 'nope')).rejects.toMatchObject({ code: 'CLOSURE_MODULE_NOT_FOUND' });
    await expect(moduleFunction(MODULE_URL, 'notAFunction')).rejects.toThrow('not a function');
    await expect(moduleFunction(new URL('./fixtures/missing.mjs', import.meta.url), 'f')).rejects.toMatchObject({
      code: 'CLOSURE_MODULE_NOT_FOUND',
    });
  });
});

describe('errors at definition time', () => {
  it('names a captured class instance, its class, the line and column, and the fixes', () => {
    class Client {
      get(x: number) {
        return x;
      }
    }
    const client = new Client();
    const error = shipError((x: number) => {
      const y = x + 1;
      return client.get(y);
    });
    expect(error.code).toBe('CLOSURE_UNSHIPPABLE_CAPTURE');
    expect(error.message).toContain('`client`');
    expect(error.message).toContain('instance of class `Client`');
    expect(error.message).toMatch(/line 3, column \d+/);
    expect(error.message).toContain('^');
    expect(error.message).toContain('broadcast');
    expect(error.message).toContain('moduleFunction(import.meta.url');
  });

  it('gives the path of an unshippable value nested in captured data', () => {
    class Client {}
    const config = { retries: 3, client: new Client() };
    const error = shipError(() => config.retries);
    expect(error.code).toBe('CLOSURE_UNSHIPPABLE_CAPTURE');
    expect(error.message).toContain('`config.client` is an instance of class `Client`');
    expect(error.message).toMatch(/line 1, column \d+/);
    const nested = { list: [{ ok: 1 }, { handle: new WeakMap() }] };
    expect(shipError(() => nested).message).toContain('`nested.list[1].handle` is a WeakMap');
    const lookup = new Map([['db', Promise.resolve(1)]]);
    expect(shipError(() => lookup).message).toContain('`lookup.get("db")` is a Promise');
  });

  it('names the chain of captures when a helper captures something unshippable', () => {
    const socketLike = new (class Socket {})();
    const send = (x: number) => [socketLike, x];
    const error = shipError((x: number) => send(x));
    expect(error.message).toContain('it captures `send`, which captures `socketLike`');
    expect(error.message).toContain('of `send` (captured by the function passed to map)');
  });

  it('rejects an arrow function that uses `this` or `arguments` of the enclosing code', () => {
    const holder = {
      factor: 2,
      make() {
        return (x: number) => x * this.factor;
      },
      makeNested() {
        return (x: number) => [x].map(() => this.factor);
      },
      makeArguments(..._rest: unknown[]) {
        // eslint-disable-next-line prefer-rest-params
        return function outer(this: unknown) {
          return (x: number) => x + (arguments.length as number);
        }.call(undefined);
      },
    };
    for (const fn of [holder.make(), holder.makeNested(), holder.makeArguments()]) {
      const error = shipError(fn);
      expect(error.code).toBe('CLOSURE_USES_THIS');
      expect(error.message).toMatch(/line 1, column \d+/);
      expect(error.message).toContain('local const');
    }
  });

  it('rejects bound functions, directly and captured', () => {
    function scale(this: { k: number }, x: number) {
      return x * this.k;
    }
    const bound = scale.bind({ k: 2 });
    expect(shipError(bound).code).toBe('CLOSURE_BOUND_FUNCTION');
    const error = shipError((x: number) => bound(x));
    expect(error.code).toBe('CLOSURE_BOUND_FUNCTION');
    expect(error.message).toContain('`bound`');
    expect(error.message).toMatch(/line 1, column \d+/);
  });

  it('rejects native functions that are not well-known globals', () => {
    const push = Array.prototype.push;
    expect(shipError(push).code).toBe('CLOSURE_NATIVE_FUNCTION');
    const error = shipError((x: number) => push.call([], x));
    expect(error.code).toBe('CLOSURE_NATIVE_FUNCTION');
    expect(error.message).toContain('`push`');
  });

  it('rejects symbols, classes, getters, generator objects and module namespaces', () => {
    const tag = Symbol('tag');
    const symbolError = shipError(() => tag);
    expect(symbolError.code).toBe('CLOSURE_UNSHIPPABLE_CAPTURE');
    expect(symbolError.message).toContain('`tag` is a symbol');

    class Point {}
    expect(shipError(() => new Point()).message).toContain('which is a class (`Point`)');
    expect(shipError(Point).code).toBe('CLOSURE_NOT_A_FUNCTION');

    const lazy = {
      get value() {
        return 1;
      },
    };
    expect(shipError(() => lazy.value).message).toContain('`lazy.value` is a getter');

    const numbers = (function* () {
      yield 1;
    })();
    expect(shipError(() => numbers.next()).message).toContain('generator object');

    expect(shipError(42).code).toBe('CLOSURE_NOT_A_FUNCTION');
  });

  it('rejects methods that use private class members', () => {
    class Secret {
      #value = 1;
      read(x: number) {
        return x + this.#value;
      }
    }
    const error = shipError(new Secret().read);
    expect(error.code).toBe('CLOSURE_UNSUPPORTED_SOURCE');
    expect(error.message).toContain('private member');
  });

  it('explains istanbul coverage counters', () => {
    const store = new WeakMap();
    // The shape istanbul gives its counters: cov_<hash>() returns the coverage data of the file.
    function cov_2k4j1x9() {
      return store;
    }
    const error = shipError((x: number) => {
      cov_2k4j1x9();
      return x;
    });
    expect(error.message).toContain('istanbul');
    expect(error.message).toContain('`store` is a WeakMap');
  });

  it('rejects a module namespace used as a whole value', async () => {
    const ns = await import('./fixtures/closure-module.mjs');
    const error = shipError(() => Object.keys(ns));
    expect(error.code).toBe('CLOSURE_UNSHIPPABLE_CAPTURE');
    expect(error.message).toContain('module namespace');
    // Used member by member, it ships.
    expect(roundTrip((x: number) => ns.square(x))(4)).toBe(16);
  });

  it('throws from shipFunction, not when the function is loaded or called', () => {
    class Resource {}
    const resource = new Resource();
    let called = false;
    const fn = () => {
      called = true;
      return resource;
    };
    expect(() => shipFunction(fn, 'mapPartitions')).toThrow(ClosureError);
    expect(() => shipFunction(fn, 'mapPartitions')).toThrow('the function passed to mapPartitions');
    expect(called).toBe(false);
  });
});

describe('real worker threads', () => {
  it('rebuilds shipped functions in a worker and runs them there', async () => {
    const k = 3;
    const lookup = new Map([['a', 1]]);
    const fact = (n: number): number => (n <= 1 ? 1 : n * fact(n - 1));
    const helper = (x: number) => fact(x) + (lookup.get('a') ?? 0);
    const square = await moduleFunction<(x: number) => number>(MODULE_URL, 'square');
    const triple = await moduleFunction<(x: number) => number>(MODULE_URL, 'triple');
    const cases = [
      { shipped: shipFunction((x: number) => x * k, 'map'), args: [5] },
      { shipped: shipFunction((x: number) => helper(x), 'map'), args: [4] },
      { shipped: shipFunction(Math.sqrt, 'map'), args: [81] },
      { shipped: shipFunction(square, 'map'), args: [6] },
      { shipped: shipFunction((x: number) => triple(x) + square(x) + k, 'map'), args: [2] },
      { shipped: shipFunction(async (x: number) => (await Promise.resolve(x)) * k, 'map'), args: [7] },
      { shipped: shipFunction((p: string) => basename(p), 'map'), args: ['/tmp/x.csv'] },
    ];
    const reply = await runInWorker({ type: 'run', cases });
    expect(reply.results).toEqual([15, 25, 9, 36, 13, 21, 'x.csv']);
  });

  it('ships a closure defined in a worker (node:inspector is synchronous there too)', async () => {
    const reply = await runInWorker({ type: 'ship' });
    expect(reply.synchronous).toBe(true);
    const shipped = reply.shipped as ShippedFunction;
    const f = loadFunction(shipped) as Fn;
    expect(f(4)).toBe('#41');
    // tsx (esbuild keepNames) inserted __name(...) into the worker's source; it was shimmed, not shipped.
    const sources = shipped.fns.map((e) => (e.k === 'src' ? e.source : '')).join('\n');
    expect(sources).toContain('__name(');
    expect(JSON.stringify(shipped.fns)).toContain('{"t":"h","name":"__name"}');
  });
});
