/**
 * `shipFunction`: turns a function into plain data (`ShippedFunction`) when a transformation is defined, and
 * throws a `ClosureError` right away if something it needs cannot be shipped.
 *
 * The function's source is kept as is; its free identifiers (found by `analyze`) are looked up in the scopes it
 * closes over (through `inspector`), and the values found are encoded (`encode`): plain data travels as is,
 * functions are shipped the same way recursively, built-ins and module functions by reference.
 */
import { randomUUID } from 'node:crypto';
import { ClosureError } from '../errors.js';
import { analyzeFunctionSource, SourceParseError, type FreeReference, type FunctionAnalysis } from './analyze.js';
import { readCapturedVariables } from './inspector.js';
import {
  captureChain,
  closureError,
  mapKey,
  member,
  type FunctionSite,
  type UseSite,
} from './messages.js';
import { isEngineHandle, SHIP_HANDLE, type EngineHandle, type HandleRef } from './handles.js';
import { moduleRefOf } from './module-function.js';
import { isToolNamespaceName, toolHelper } from './tools.js';
import { SHIPPED_FORMAT, type Encoded, type ShippedEntry, type ShippedFunction, type SourceEntry } from './types.js';
import { classifyObject } from './values.js';
import { builtinExportOf, globalPathOf, isAlwaysGlobal, isNativeSource, isRuntimeGlobal } from './well-known.js';

/**
 * The engine handles (broadcasts, ...) a shipped function captured, for as long as the function lives: it holds only
 * their shipped references, and a handle nothing holds is cleaned up (a broadcast's bytes are dropped), while an
 * RDD defined with the function may still run it.
 */
const captured = new WeakMap<ShippedFunction, EngineHandle[]>();

/**
 * Validates `fn` and everything it captures, and returns its shipped form. Throws a `ClosureError` now (when the
 * transformation is defined) if anything cannot be shipped. `op` is the API name used in messages (`map`).
 */
export function shipFunction(fn: Function, op: string): ShippedFunction {
  if (typeof fn !== 'function') {
    throw new ClosureError(
      'CLOSURE_NOT_A_FUNCTION',
      `${op} expects a function, got ${fn === null ? 'null' : typeof fn}.`,
    );
  }
  const shipper = new Shipper(op);
  const root = shipper.ship(fn, { op });
  const shipped: ShippedFunction = {
    format: SHIPPED_FORMAT,
    id: nextId(),
    op,
    root,
    fns: shipper.entries,
    modules: [...shipper.modules],
    ...(shipper.handles.length > 0 ? { handles: shipper.handles } : {}),
  };
  if (!shipper.holdsObjects) return shipped;
  // Captured objects are copied now: the function sees them as they were when the transformation was defined,
  // and later changes by the program (or by tasks running inline) do not leak in.
  try {
    const copy = structuredClone(shipped);
    if (shipper.handleObjects.length > 0) captured.set(copy, shipper.handleObjects);
    return copy;
  } catch (error) {
    throw new ClosureError(
      'CLOSURE_UNSHIPPABLE_CAPTURE',
      `Cannot ship the function passed to ${op}: a captured value cannot be copied ` +
        `(${error instanceof Error ? error.message : String(error)}). Capture plain data only: numbers, strings, ` +
        'arrays, plain objects, Map, Set, Date, typed arrays.',
      { cause: error },
    );
  }
}

/** Module URLs that must be imported (`preloadModules`) before `loadFunction` can rebuild `shipped`. */
export function moduleUrlsOf(shipped: ShippedFunction): string[] {
  return [...shipped.modules];
}

let idPrefix: string | undefined;
let idCounter = 0;

function nextId(): string {
  idPrefix ??= randomUUID();
  return `${idPrefix}:${++idCounter}`;
}

/** A path into a captured value, built lazily (only an error message needs the text). */
interface ValuePath {
  readonly up: ValuePath | undefined;
  readonly text: string;
}

function pathText(path: ValuePath): string {
  let text = '';
  for (let p: ValuePath | undefined = path; p; p = p.up) text = p.text + text;
  return text;
}

/** Context of a captured variable being encoded: which function captures it, and where it uses it. */
interface Capture {
  readonly use: UseSite;
  readonly ref: FreeReference;
}

function isPlainPrimitive(value: unknown): boolean {
  const type = typeof value;
  return type !== 'object' && type !== 'function' && type !== 'symbol';
}

class Shipper {
  readonly entries: ShippedEntry[] = [];
  readonly modules = new Set<string>();
  /** Engine handles met anywhere in the graph (once per handle object). */
  readonly handles: HandleRef[] = [];
  /** The handles themselves, kept alive by the shipped function (see `captured`). */
  readonly handleObjects: EngineHandle[] = [];
  /** Captured data is referenced (not copied) in `entries` until `shipFunction` copies it. */
  holdsObjects = false;
  private readonly fnIndex = new Map<Function, number>();
  /** Per object: must it be spelled out (holds functions or takes part in a cycle)? `null` while being scanned. */
  private readonly structured = new Map<object, boolean | null>();
  private readonly containerIds = new Map<object, number>();
  private nextContainerId = 0;

  constructor(readonly op: string) {}

  /** Ships one function (once per function object: recursion and shared helpers reuse the index). */
  ship(fn: Function, site: FunctionSite): number {
    const known = this.fnIndex.get(fn);
    if (known !== undefined) return known;

    const byModule = moduleRefOf(fn);
    if (byModule) {
      this.modules.add(byModule.url);
      return this.add(fn, { k: 'module', url: byModule.url, exportName: byModule.exportName });
    }
    const globalPath = globalPathOf(fn);
    if (globalPath !== undefined) return this.add(fn, { k: 'global', path: globalPath });

    const builtin = builtinExportOf(fn);
    if (builtin) {
      this.modules.add(builtin.url);
      return this.add(fn, { k: 'module', url: builtin.url, exportName: builtin.exportName });
    }
    const source = Function.prototype.toString.call(fn);
    if (isNativeSource(source)) throw this.nativeFunctionError(fn, site);

    let analysis: FunctionAnalysis;
    try {
      analysis = analyzeFunctionSource(source);
    } catch (error) {
      if (!(error instanceof SourceParseError)) throw error;
      throw closureError(site, {
        code: 'CLOSURE_UNSUPPORTED_SOURCE',
        problem: `${site.parent ? `${captureChain(site)}, whose` : 'its'} source cannot be parsed (${error.message}).`,
        use: site.at,
        cause: error,
      });
    }
    if (analysis.shape === 'class') throw this.classError(fn, site);
    this.checkLexicalUses(analysis, site);

    const index = this.add(fn, undefined);
    const lookup: string[] = [];
    for (const ref of analysis.free) {
      if (!toolHelper(ref.name) && !isAlwaysGlobal(ref.name)) lookup.push(ref.name);
    }
    const found = lookup.length > 0 ? readCapturedVariables(fn, lookup) : undefined;

    const names: string[] = [];
    const values: Encoded[] = [];
    for (const ref of analysis.free) {
      const helper = toolHelper(ref.name);
      if (helper) {
        names.push(ref.name);
        values.push({ t: 'h', name: helper });
        continue;
      }
      let value: unknown;
      if (found?.has(ref.name)) {
        value = found.get(ref.name);
      } else if (!isAlwaysGlobal(ref.name) && ref.name in globalThis && !isRuntimeGlobal(ref.name)) {
        // A global the program added (globalThis.x = ...): workers do not have it, so it is captured.
        value = (globalThis as Record<string, unknown>)[ref.name];
      } else {
        continue; // a global of the runtime, or undeclared (typeof checks): resolved in the receiving thread
      }
      names.push(ref.name);
      values.push(this.encodeCapture(value, { use: { site, analysis, start: ref.start, name: ref.name }, ref }));
    }

    const entry: SourceEntry = {
      k: 'src',
      source,
      wrap: analysis.wrap,
      // Sloppy-mode `function`s have own `caller`/`arguments` properties; everything else is rebuilt strict.
      strict: analysis.shape !== 'function' || !Object.prototype.hasOwnProperty.call(fn, 'caller'),
      name: typeof fn.name === 'string' ? fn.name : '',
      names,
      values,
    };
    this.entries[index] = entry;
    return index;
  }

  private add(fn: Function, entry: ShippedEntry | undefined): number {
    const index = this.entries.length;
    this.entries.push(entry as ShippedEntry);
    this.fnIndex.set(fn, index);
    return index;
  }

  private encodeCapture(value: unknown, capture: Capture): Encoded {
    const { ref } = capture;
    const root: ValuePath = { up: undefined, text: ref.name };
    if (typeof value === 'object' && value !== null) {
      const namespace = classifyObject(value).kind === 'namespace' || isToolNamespaceName(ref.name);
      if (namespace) return this.encodeNamespace(value, capture, root);
    }
    this.scan(value, root, capture);
    return this.encode(value, root, capture);
  }

  /** A module namespace (`import * as ns`, or an import rewritten by vitest): ship the members the function uses. */
  private encodeNamespace(namespace: object, capture: Capture, root: ValuePath): Encoded {
    const { ref, use } = capture;
    if (ref.members === null) {
      throw closureError(use.site, {
        code: 'CLOSURE_UNSHIPPABLE_CAPTURE',
        problem: `${captureChain(use.site, ref.name)}, a module namespace object, and uses it as a whole value.`,
        explanation:
          'Module namespaces cannot be copied. Kindling ships only the members a function reads as `ns.member` ' +
          '(plain values and plain functions).',
        use,
        names: [ref.name],
      });
    }
    const subset = Object.create(null) as Record<string, unknown>;
    for (const name of ref.members) {
      try {
        subset[name] = (namespace as Record<string, unknown>)[name];
      } catch {
        subset[name] = undefined;
      }
    }
    this.scan(subset, root, capture);
    return this.encode(subset, root, capture);
  }

  /**
   * Validates a captured value (throws for anything unshippable, naming its path) and tells whether it must be
   * spelled out: it holds functions, or takes part in a cycle (which is then spelled out conservatively).
   */
  private scan(value: unknown, path: ValuePath, capture: Capture): boolean {
    if (typeof value === 'function') return true;
    if (typeof value === 'symbol') {
      throw this.captureError(capture, path, 'a symbol', 'Symbols are unique to the thread that created them; use a string.');
    }
    if (typeof value !== 'object' || value === null) return false;
    const memo = this.structured.get(value);
    if (memo !== undefined) return memo ?? true;
    if (isEngineHandle(value)) {
      this.structured.set(value, true);
      return true;
    }

    const kind = classifyObject(value);
    switch (kind.kind) {
      case 'leaf':
        this.structured.set(value, false);
        return false;
      case 'buffer':
        this.structured.set(value, true);
        return true;
      case 'unshippable':
        throw this.captureError(capture, path, kind.what, kind.hint);
      case 'namespace':
        throw this.captureError(
          capture,
          path,
          'a module namespace object (import * as ns)',
          'Capture the members you need instead (const { helper } = ns), or use moduleFunction(url, name).',
        );
      default:
        break;
    }
    this.structured.set(value, null);
    let holds = false;
    if (kind.kind === 'object') {
      for (const key of Object.keys(value)) {
        const descriptor = Object.getOwnPropertyDescriptor(value, key);
        if (!descriptor) continue;
        if (!('value' in descriptor)) {
          throw this.captureError(
            capture,
            { up: path, text: member(key) },
            'a getter (accessor property)',
            'A getter runs code that is not shipped; store the value in a plain property instead.',
          );
        }
        const child = descriptor.value as unknown;
        if (isPlainPrimitive(child)) continue;
        if (this.scan(child, { up: path, text: member(key) }, capture)) holds = true;
      }
    } else if (kind.kind === 'array') {
      const array = value as unknown[];
      for (let i = 0; i < array.length; i++) {
        const child = array[i];
        if (isPlainPrimitive(child)) continue;
        if (this.scan(child, { up: path, text: `[${i}]` }, capture)) holds = true;
      }
    } else if (kind.kind === 'map') {
      let position = 0;
      for (const [key, child] of value as Map<unknown, unknown>) {
        if (!isPlainPrimitive(key) && this.scan(key, { up: path, text: ` (key of entry ${position})` }, capture)) {
          holds = true;
        }
        if (!isPlainPrimitive(child) && this.scan(child, { up: path, text: mapKey(key, position) }, capture)) {
          holds = true;
        }
        position++;
      }
    } else if (kind.kind === 'set') {
      let position = 0;
      for (const item of value as Set<unknown>) {
        if (!isPlainPrimitive(item) && this.scan(item, { up: path, text: ` (element ${position})` }, capture)) {
          holds = true;
        }
        position++;
      }
    }
    this.structured.set(value, holds);
    return holds;
  }

  /** Encodes a scanned value. */
  private encode(value: unknown, path: ValuePath, capture: Capture): Encoded {
    if (typeof value === 'function') {
      const text = pathText(path);
      return { t: 'f', i: this.ship(value, { op: this.op, parent: capture.use.site, path: text, at: capture.use }) };
    }
    if (typeof value !== 'object' || value === null) return { t: 'v', v: value };
    if (!this.structured.get(value)) {
      this.holdsObjects = true;
      return { t: 'v', v: value };
    }
    const seen = this.containerIds.get(value);
    if (seen !== undefined) return { t: 'r', id: seen };
    const id = this.nextContainerId++;
    this.containerIds.set(value, id);
    if (isEngineHandle(value)) return { t: 'x', id, ref: this.handleRef(value, path, capture) };

    const kind = classifyObject(value);
    switch (kind.kind) {
      case 'buffer': {
        const view = value as Uint8Array;
        return { t: 'b', id, bytes: new Uint8Array(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength)) };
      }
      case 'array': {
        const array = value as unknown[];
        const items: Encoded[] = new Array<Encoded>(array.length);
        for (let i = 0; i < array.length; i++) items[i] = this.encode(array[i], { up: path, text: `[${i}]` }, capture);
        return { t: 'a', id, items };
      }
      case 'map': {
        const keys: Encoded[] = [];
        const vals: Encoded[] = [];
        let position = 0;
        for (const [key, child] of value as Map<unknown, unknown>) {
          keys.push(this.encode(key, { up: path, text: ` (key of entry ${position})` }, capture));
          vals.push(this.encode(child, { up: path, text: mapKey(key, position) }, capture));
          position++;
        }
        return { t: 'm', id, keys, vals };
      }
      case 'set': {
        const items: Encoded[] = [];
        let position = 0;
        for (const item of value as Set<unknown>) {
          items.push(this.encode(item, { up: path, text: ` (element ${position})` }, capture));
          position++;
        }
        return { t: 's', id, items };
      }
      case 'object': {
        const keys = Object.keys(value);
        const record = value as Record<string, unknown>;
        const vals = keys.map((key) => this.encode(record[key], { up: path, text: member(key) }, capture));
        return { t: 'o', id, nullProto: kind.nullProto, keys, vals };
      }
      default:
        // Unreachable: scan() classified this object as structured.
        this.holdsObjects = true;
        return { t: 'v', v: value };
    }
  }

  /** Asks a handle for its shipped form; an error it throws becomes a ClosureError that keeps its code. */
  private handleRef(handle: EngineHandle, path: ValuePath, capture: Capture): HandleRef {
    let ref: HandleRef;
    try {
      ref = handle[SHIP_HANDLE]();
      if (typeof ref !== 'object' || ref === null || typeof ref.kind !== 'string') {
        throw new TypeError(`its [SHIP_HANDLE]() method returned ${ref === null ? 'null' : typeof ref}, not { kind, data }`);
      }
    } catch (error) {
      const { use } = capture;
      const text = pathText(path);
      const code = (error as { code?: unknown })?.code;
      const message = (error instanceof Error ? error.message : String(error)).replace(/^\[[A-Z0-9_]+\] /, '');
      throw closureError(use.site, {
        code: typeof code === 'string' ? code : 'CLOSURE_UNSHIPPABLE_CAPTURE',
        problem: `${captureChain(use.site, use.name)}, and \`${text}\` cannot be shipped: ${message}`,
        use,
        names: [use.name],
        fixes: [],
        cause: error,
      });
    }
    this.handles.push(ref);
    this.handleObjects.push(handle);
    for (const url of ref.modules ?? []) this.modules.add(url);
    // The handle's data is copied with the rest when the transformation is defined.
    this.holdsObjects = true;
    return ref;
  }

  private captureError(capture: Capture, path: ValuePath, what: string, hint?: string): ClosureError {
    const { use } = capture;
    const text = pathText(path);
    const subject = text === use.name ? `\`${use.name}\` is ${what}` : `\`${text}\` is ${what}`;
    return closureError(use.site, {
      code: 'CLOSURE_UNSHIPPABLE_CAPTURE',
      problem: `${captureChain(use.site, use.name)}, and ${subject}, which cannot be copied to another thread.`,
      explanation: hint,
      use,
      names: [use.name],
    });
  }

  private nativeFunctionError(fn: Function, site: FunctionSite): ClosureError {
    const bound = typeof fn.name === 'string' && fn.name.startsWith('bound ');
    const subject = site.parent ? `${captureChain(site)}, which is` : 'it is';
    if (bound) {
      return closureError(site, {
        code: 'CLOSURE_BOUND_FUNCTION',
        problem: `${subject} a bound function (\`${fn.name}\`, made with .bind()).`,
        explanation:
          'The source of a bound function is not available, and the value it is bound to would have to be shipped too.',
        use: site.at,
        names: site.at ? [site.at.name] : [],
        fixes: [
          'use an arrow function that calls the original function: x => original(x) (the arrow captures plain values it needs);',
          'if it is a method bound to an object, copy the fields it needs into local consts and write the logic in an arrow function;',
          "or reference a function exported from a module: const f = await moduleFunction(import.meta.url, 'name').",
        ],
      });
    }
    return closureError(site, {
      code: 'CLOSURE_NATIVE_FUNCTION',
      problem: `${subject} a native function (\`${fn.name || 'anonymous'}\`) that is not a well-known global of the runtime.`,
      explanation:
        'Its source is not available (it prints as "[native code]"). Built-ins such as Math.sqrt, String, Number.parseInt ' +
        'or JSON.stringify and exports of node: modules are recognised; this one is not, so workers could not find it.',
      use: site.at,
      names: site.at ? [site.at.name] : [],
      fixes: [
        'wrap it in an arrow function that calls it: x => theFunction(x);',
        "or reference a function exported from a module: const f = await moduleFunction(import.meta.url, 'name').",
      ],
    });
  }

  private classError(fn: Function, site: FunctionSite): ClosureError {
    if (!site.parent) {
      return closureError(site, {
        code: 'CLOSURE_NOT_A_FUNCTION',
        problem: `it is a class (\`${fn.name || 'anonymous'}\`), which cannot be called without \`new\`.`,
        fixes: [
          'pass a function: x => ({ ...fields }) building plain objects (class instances cannot be shipped back either).',
        ],
      });
    }
    return closureError(site, {
      code: 'CLOSURE_UNSHIPPABLE_CAPTURE',
      problem: `${captureChain(site)}, which is a class (\`${fn.name || 'anonymous'}\`); classes are not shipped.`,
      explanation:
        'A class comes with a prototype, methods and identity that a copy would not keep. Build plain objects instead, ' +
        'or move the code that uses the class into a module function.',
      use: site.at,
      names: site.at ? [site.at.name] : [],
    });
  }

  private checkLexicalUses(analysis: FunctionAnalysis, site: FunctionSite): void {
    const first = analysis.lexical[0];
    if (!first) return;
    const use: UseSite = { site, analysis, start: first.start, name: first.kind };
    const who = site.parent ? `${captureChain(site)}, which` : 'it';
    switch (first.kind) {
      case 'this':
      case 'arguments':
      case 'new.target': {
        const example =
          first.kind === 'this'
            ? 'const factor = this.factor; ... .map(x => x * factor)'
            : first.kind === 'arguments'
              ? 'const [first] = arguments; ... .map(x => x + first) (or name the parameter)'
              : 'const target = new.target; ...';
        throw closureError(site, {
          code: 'CLOSURE_USES_THIS',
          problem: `${who} is an arrow function that uses \`${first.kind}\` of the code around it, which is not shipped.`,
          use,
          fixes: [
            `copy the field you need into a local const first, and use that const inside the function: ${example};`,
            'or pass the value explicitly as a plain value (numbers, strings, arrays, plain objects).',
          ],
        });
      }
      case 'super':
        throw closureError(site, {
          code: 'CLOSURE_UNSUPPORTED_SOURCE',
          problem: `${who} uses \`super\`, which refers to the object the method was defined in.`,
          use,
          fixes: [
            'write the transformation as a standalone function (arrow or function expression) that does not use super.',
          ],
        });
      case 'eval':
        throw closureError(site, {
          code: 'CLOSURE_UNSUPPORTED_SOURCE',
          problem: `${who} calls \`eval\`, which may read any variable of the code around it.`,
          use,
          fixes: ['avoid eval in shipped functions; reference the variables directly so they can be captured.'],
        });
      case 'private':
        throw closureError(site, {
          code: 'CLOSURE_UNSUPPORTED_SOURCE',
          problem: `${who} uses a private member (#name) of the class it was defined in.`,
          use,
          fixes: [
            'copy the private value into a local const outside the function and capture that const;',
            "or move the logic into a module function: const f = await moduleFunction(import.meta.url, 'name').",
          ],
        });
      case 'import.meta':
        throw closureError(site, {
          code: 'CLOSURE_UNSUPPORTED_SOURCE',
          problem: `${who} uses \`import.meta\`, which only exists inside a module.`,
          use,
          fixes: ['read the field you need into a local const outside the function: const url = import.meta.url;'],
        });
    }
  }
}

