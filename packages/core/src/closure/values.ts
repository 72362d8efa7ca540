/** What kind of object a captured value is, as far as shipping is concerned. */
import { types } from 'node:util';

export type ObjectKind =
  | { readonly kind: 'object'; readonly nullProto: boolean }
  | { readonly kind: 'array' }
  | { readonly kind: 'map' }
  | { readonly kind: 'set' }
  /** Copied by structured clone as is (Date, RegExp, ArrayBuffer, typed arrays, DataView, boxed primitives). */
  | { readonly kind: 'leaf' }
  /** A Node `Buffer`: shipped as bytes and rebuilt as a `Buffer`. */
  | { readonly kind: 'buffer' }
  | { readonly kind: 'namespace' }
  | { readonly kind: 'unshippable'; readonly what: string; readonly hint?: string };

const TYPED_ARRAY_PROTOS: ReadonlySet<object> = new Set(
  [
    Int8Array,
    Uint8Array,
    Uint8ClampedArray,
    Int16Array,
    Uint16Array,
    Int32Array,
    Uint32Array,
    Float32Array,
    Float64Array,
    BigInt64Array,
    BigUint64Array,
  ].map((ctor) => ctor.prototype as object),
);

const HANDLE_HINT =
  'Sockets, streams, file handles, database clients and other resources belong to the thread that opened them: ' +
  'open them inside the function (or once per partition with mapPartitions).';

export function classifyObject(value: object): ObjectKind {
  if (types.isProxy(value)) return { kind: 'unshippable', what: 'a Proxy' };
  const proto = Object.getPrototypeOf(value) as object | null;
  if (types.isModuleNamespaceObject(value)) return { kind: 'namespace' };
  if (proto === Object.prototype) return { kind: 'object', nullProto: false };
  if (proto === null) {
    // vite-node's module namespaces are null-prototype objects tagged 'Module'.
    const tag = Object.getOwnPropertyDescriptor(value, Symbol.toStringTag);
    if (tag && tag.value === 'Module') return { kind: 'namespace' };
    return { kind: 'object', nullProto: true };
  }
  if (Array.isArray(value)) {
    return proto === Array.prototype ? { kind: 'array' } : instance(value, proto);
  }
  if (types.isMap(value)) return proto === Map.prototype ? { kind: 'map' } : instance(value, proto);
  if (types.isSet(value)) return proto === Set.prototype ? { kind: 'set' } : instance(value, proto);
  if (types.isDate(value)) return proto === Date.prototype ? { kind: 'leaf' } : instance(value, proto);
  if (types.isRegExp(value)) return proto === RegExp.prototype ? { kind: 'leaf' } : instance(value, proto);
  if (types.isArrayBuffer(value)) return proto === ArrayBuffer.prototype ? { kind: 'leaf' } : instance(value, proto);
  if (types.isSharedArrayBuffer(value)) {
    return {
      kind: 'unshippable',
      what: 'a SharedArrayBuffer',
      hint: 'Shared memory is not copied; pass an ArrayBuffer or a typed array copy instead.',
    };
  }
  if (types.isTypedArray(value) || types.isDataView(value)) {
    const view = value as ArrayBufferView;
    if (types.isSharedArrayBuffer(view.buffer)) {
      return {
        kind: 'unshippable',
        what: 'a view on a SharedArrayBuffer',
        hint: 'Shared memory is not copied; pass a copy backed by an ArrayBuffer instead.',
      };
    }
    if (proto === DataView.prototype || TYPED_ARRAY_PROTOS.has(proto)) return { kind: 'leaf' };
    if (Buffer.isBuffer(value)) return { kind: 'buffer' };
    return instance(value, proto);
  }
  if (types.isBoxedPrimitive(value)) {
    return types.isSymbolObject(value) ? { kind: 'unshippable', what: 'a boxed symbol' } : { kind: 'leaf' };
  }
  if (types.isPromise(value)) {
    return {
      kind: 'unshippable',
      what: 'a Promise',
      hint: 'Await it before defining the transformation and capture the resolved value.',
    };
  }
  if (types.isWeakMap(value) || types.isWeakSet(value) || value instanceof WeakRef) {
    const what = types.isWeakMap(value) ? 'a WeakMap' : types.isWeakSet(value) ? 'a WeakSet' : 'a WeakRef';
    return { kind: 'unshippable', what, hint: 'Weak collections cannot be copied; use a Map or Set of plain values.' };
  }
  if (types.isGeneratorObject(value)) {
    return {
      kind: 'unshippable',
      what: 'a generator object',
      hint: 'Collect its values into an array first, or create the generator inside the function.',
    };
  }
  if (types.isExternal(value)) return { kind: 'unshippable', what: 'a native handle', hint: HANDLE_HINT };
  return instance(value, proto);
}

function instance(value: object, proto: object): ObjectKind {
  const ctor = Object.getOwnPropertyDescriptor(proto, 'constructor')?.value as unknown;
  const name =
    typeof ctor === 'function' && ctor.name
      ? ctor.name
      : Object.prototype.toString.call(value).slice(8, -1) || 'anonymous';
  const handle =
    typeof (value as { on?: unknown }).on === 'function' && typeof (value as { emit?: unknown }).emit === 'function';
  return {
    kind: 'unshippable',
    what: `an instance of class \`${name}\``,
    hint: handle
      ? HANDLE_HINT
      : `Class instances lose their class (prototype, methods, private state) when copied, so Kindling refuses them.`,
  };
}
