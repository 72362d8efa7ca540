/**
 * `loadFunction`: rebuilds a callable function from a `ShippedFunction` in the current thread.
 *
 * Each function shipped by source becomes a factory, compiled once per thread per (source, captured names):
 *
 *   "use strict"; var k, helper; return [(<source>), function ($values) { k = $values[0]; helper = $values[1]; }];
 *
 * Calling the factory gives the function and a setter for its captured variables. All functions of the graph
 * are created first and their captures set afterwards, so self- and mutual recursion need no special case
 * (the setter is the trampoline). The rebuilt functions are ordinary closures over ordinary variables: they run
 * at full speed, without `with` or proxies. Captured values are passed as values, never spliced into source.
 */
import { ClosureError } from '../errors.js';
import { loadHandle } from './handles.js';
import { loadedModule } from './module-function.js';
import { nameHelperShim } from './tools.js';
import {
  SHIPPED_FORMAT,
  type Encoded,
  type ShippedFunction,
  type SourceEntry,
  type ToolHelperName,
} from './types.js';
import { resolveGlobalPath } from './well-known.js';

type Factory = () => [unknown, ((values: unknown[]) => void) | null];

const FACTORY_LIMIT = 2048;
const BY_ID_LIMIT = 1024;

const factories = new Map<string, Factory>();
const byObject = new WeakMap<ShippedFunction, Function>();
const byId = new Map<string, Function>();

const TOOL_HELPERS: Record<ToolHelperName, unknown> = { __name: nameHelperShim };

/** Rebuilds the function `shipped` describes. Synchronous: modules must have been preloaded (`preloadModules`). */
export function loadFunction(shipped: ShippedFunction): Function {
  const cached = byObject.get(shipped);
  if (cached) return cached;
  if (
    typeof shipped !== 'object' ||
    shipped === null ||
    shipped.format !== SHIPPED_FORMAT ||
    !Array.isArray(shipped.fns)
  ) {
    throw new ClosureError('CLOSURE_INVALID_SHIPPED', 'loadFunction expects the result of shipFunction.');
  }
  const byIdHit = byId.get(shipped.id);
  if (byIdHit) {
    byObject.set(shipped, byIdHit);
    return byIdHit;
  }
  const fn = rebuild(shipped);
  byObject.set(shipped, fn);
  if (byId.size >= BY_ID_LIMIT) byId.delete(byId.keys().next().value as string);
  byId.set(shipped.id, fn);
  return fn;
}

function rebuild(shipped: ShippedFunction): Function {
  const count = shipped.fns.length;
  const fns = new Array<unknown>(count);
  const setters = new Array<((values: unknown[]) => void) | null>(count).fill(null);

  for (let i = 0; i < count; i++) {
    const entry = shipped.fns[i]!;
    switch (entry.k) {
      case 'src': {
        const [made, setter] = instantiate(entry, shipped.op);
        fns[i] = made;
        setters[i] = setter;
        break;
      }
      case 'module': {
        const namespace = loadedModule(entry.url);
        if (!namespace) {
          throw new ClosureError(
            'CLOSURE_MODULE_NOT_FOUND',
            `The function passed to ${shipped.op} needs the module '${entry.url}', which is not loaded in this thread. ` +
              'Call await preloadModules(moduleUrlsOf(shipped)) before loadFunction.',
          );
        }
        const value = namespace[entry.exportName];
        if (typeof value !== 'function') {
          throw new ClosureError(
            'CLOSURE_MODULE_NOT_FOUND',
            `The module '${entry.url}' has no exported function '${entry.exportName}' in this thread.`,
          );
        }
        fns[i] = value;
        break;
      }
      case 'global': {
        const value = resolveGlobalPath(entry.path);
        if (typeof value !== 'function') {
          throw new ClosureError(
            'CLOSURE_NATIVE_FUNCTION',
            `The built-in function ${entry.path} (used by the function passed to ${shipped.op}) does not exist in this thread.`,
          );
        }
        fns[i] = value;
        break;
      }
      default:
        throw new ClosureError('CLOSURE_INVALID_SHIPPED', 'loadFunction got a shipped function of an unknown format.');
    }
  }

  const containers = new Map<number, unknown>();
  const decode = (encoded: Encoded): unknown => {
    switch (encoded.t) {
      case 'v':
        return encoded.v;
      case 'f':
        return fns[encoded.i];
      case 'h':
        return TOOL_HELPERS[encoded.name];
      case 'r':
        return containers.get(encoded.id);
      case 'a': {
        const array = new Array<unknown>(encoded.items.length);
        containers.set(encoded.id, array);
        for (let i = 0; i < encoded.items.length; i++) array[i] = decode(encoded.items[i]!);
        return array;
      }
      case 'o': {
        const object: Record<string, unknown> = encoded.nullProto ? Object.create(null) : {};
        containers.set(encoded.id, object);
        for (let i = 0; i < encoded.keys.length; i++) {
          Object.defineProperty(object, encoded.keys[i]!, {
            value: decode(encoded.vals[i]!),
            writable: true,
            enumerable: true,
            configurable: true,
          });
        }
        return object;
      }
      case 'm': {
        const map = new Map<unknown, unknown>();
        containers.set(encoded.id, map);
        for (let i = 0; i < encoded.keys.length; i++) map.set(decode(encoded.keys[i]!), decode(encoded.vals[i]!));
        return map;
      }
      case 's': {
        const set = new Set<unknown>();
        containers.set(encoded.id, set);
        for (const item of encoded.items) set.add(decode(item));
        return set;
      }
      case 'b': {
        const buffer = Buffer.from(encoded.bytes.buffer, encoded.bytes.byteOffset, encoded.bytes.byteLength);
        containers.set(encoded.id, buffer);
        return buffer;
      }
      case 'x': {
        const handle = loadHandle(encoded.ref, shipped.op);
        containers.set(encoded.id, handle);
        return handle;
      }
    }
  };

  for (let i = 0; i < count; i++) {
    const setter = setters[i];
    const entry = shipped.fns[i]!;
    if (setter && entry.k === 'src') setter(entry.values.map(decode));
  }
  const root = fns[shipped.root];
  if (typeof root !== 'function') {
    throw new ClosureError('CLOSURE_INVALID_SHIPPED', 'loadFunction got a shipped function without a root function.');
  }
  return root;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function instantiate(entry: SourceEntry, op: string): [unknown, ((values: unknown[]) => void) | null] {
  const factory = factoryFor(entry, op);
  const [made, setter] = factory();
  let fn = made;
  if (entry.wrap === 'method') {
    const holder = made as object;
    const key = Reflect.ownKeys(holder)[0]!;
    const descriptor = Object.getOwnPropertyDescriptor(holder, key)!;
    fn = descriptor.value ?? descriptor.get ?? descriptor.set;
  }
  if (typeof fn === 'function' && entry.name && fn.name !== entry.name) {
    Object.defineProperty(fn, 'name', { value: entry.name, configurable: true });
  }
  return [fn, setter];
}

function factoryFor(entry: SourceEntry, op: string): Factory {
  const key = `${entry.strict ? 's' : 'n'}${entry.wrap === 'method' ? 'm' : 'e'}${entry.names.join(',')}\n${entry.source}`;
  const cached = factories.get(key);
  if (cached) return cached;
  for (const name of entry.names) {
    if (!IDENTIFIER.test(name) && !/^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u.test(name)) {
      throw new ClosureError('CLOSURE_INVALID_SHIPPED', `Invalid captured variable name '${name}'.`);
    }
  }
  let values = '$kindling$values';
  while (entry.names.includes(values)) values += '_';
  const expression = entry.wrap === 'method' ? `({${entry.source}\n})` : `(${entry.source}\n)`;
  const body =
    (entry.strict ? '"use strict";\n' : '') +
    (entry.names.length > 0
      ? `var ${entry.names.join(', ')};\nreturn [${expression}, function (${values}) { ${entry.names
          .map((name, i) => `${name} = ${values}[${i}];`)
          .join(' ')} }];`
      : `return [${expression}, null];`);
  let factory: Factory;
  try {
    factory = new Function(body) as Factory;
  } catch (error) {
    throw new ClosureError(
      'CLOSURE_LOAD_FAILED',
      `Cannot rebuild the function passed to ${op} in this thread: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  if (factories.size >= FACTORY_LIMIT) factories.delete(factories.keys().next().value as string);
  factories.set(key, factory);
  return factory;
}
