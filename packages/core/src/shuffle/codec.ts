import { deserialize, serialize } from 'node:v8';

// Records cross threads and (later) disk as bytes, never as structured-cloned object graphs. v8's serializer
// handles every key and value kind we accept (strings, numbers, bigints, Dates, arrays, plain objects, Maps,
// Sets, typed arrays) in native code.
//
// A partition made only of byte arrays (a DataFrame's Arrow IPC batches) is framed by hand instead: each record
// starts 8-byte aligned, so decoding hands out views into the stored bytes (a cached block is read in place,
// and Arrow readers, which need aligned buffers, do not copy it again). Pairs of a number and byte array (the
// [partition, batch] records of a DataFrame shuffle) are framed the same way with the number beside each array.
// v8's format starts with 0xFF, the frames with 'K'.

const MAGIC = 0x3841554b; // "KUA8" little-endian
const KEYED_MAGIC = 0x3850554b; // "KUP8": [key f64, length u32, 4 pad, bytes padded to 8] per record
/** n rounded up to a multiple of 8 (record and frame bodies start 8-aligned). */
export const pad8 = (n: number): number => (n + 7) & ~7;

const isBytes = (r: unknown): r is Uint8Array => r instanceof Uint8Array && r.constructor === Uint8Array;
const allBytes = (records: unknown[]): records is Uint8Array[] => records.length > 0 && records.every(isBytes);
const allKeyedBytes = (records: unknown[]): records is [number, Uint8Array][] =>
  records.length > 0 &&
  records.every((r) => Array.isArray(r) && r.length === 2 && typeof r[0] === 'number' && isBytes(r[1]));

export function encodeRecords(records: unknown[]): Uint8Array {
  if (allBytes(records)) return frameBytes(records);
  if (allKeyedBytes(records)) return frameKeyedBytes(records);
  return serialize(records);
}

/**
 * encodeRecords into a SharedArrayBuffer of its own (a cached block): byte records are framed straight into it,
 * without the intermediate copy (a cached partition is tens of MB).
 */
export function encodeRecordsShared(records: unknown[]): SharedArrayBuffer {
  const bytes = allBytes(records) ? null : serialize(records);
  const buffer = new SharedArrayBuffer(bytes ? bytes.length : framedSize(records as Uint8Array[]));
  if (bytes) new Uint8Array(buffer).set(bytes);
  else frameInto(records as Uint8Array[], new Uint8Array(buffer));
  return buffer;
}

/**
 * The records of encodeRecords' bytes. Byte records are views into `bytes` when it is 8-aligned and `mayView`
 * (pass false when `bytes` is a reused read buffer); copies otherwise.
 */
export function decodeRecords(bytes: Uint8Array, mayView = true): unknown[] {
  if (bytes.length >= 8 && bytes[0] === 0x4b) {
    const magic = new DataView(bytes.buffer, bytes.byteOffset, 8).getUint32(0, true);
    if (magic === MAGIC) return unframeBytes(bytes, mayView);
    if (magic === KEYED_MAGIC) return unframeKeyedBytes(bytes, mayView);
  }
  return deserialize(bytes) as unknown[];
}

/** [magic u32, count u32] then per record [length u32, 4 pad, bytes padded to 8]. */
function frameBytes(records: Uint8Array[]): Uint8Array {
  return frameInto(records, new Uint8Array(framedSize(records)));
}

function framedSize(records: Uint8Array[]): number {
  let size = 8;
  for (const r of records) size += 8 + pad8(r.length);
  return size;
}

function frameInto(records: Uint8Array[], out: Uint8Array): Uint8Array {
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, records.length, true);
  let at = 8;
  for (const r of records) {
    view.setUint32(at, r.length, true);
    out.set(r, at + 8);
    at += 8 + pad8(r.length);
  }
  return out;
}

function unframeBytes(bytes: Uint8Array, mayView: boolean): Uint8Array[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = view.getUint32(4, true);
  // Views when the frame itself is aligned (cached blocks are); copies otherwise, so records start aligned.
  const inPlace = mayView && bytes.byteOffset % 8 === 0;
  const out = new Array<Uint8Array>(n);
  let at = 8;
  for (let i = 0; i < n; i++) {
    const len = view.getUint32(at, true);
    const body = bytes.subarray(at + 8, at + 8 + len);
    out[i] = inPlace ? body : body.slice();
    at += 8 + pad8(len);
  }
  return out;
}

function frameKeyedBytes(records: [number, Uint8Array][]): Uint8Array {
  let size = 8;
  for (const r of records) size += 16 + pad8(r[1].length);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, KEYED_MAGIC, true);
  view.setUint32(4, records.length, true);
  let at = 8;
  for (const [key, bytes] of records) {
    view.setFloat64(at, key, true);
    view.setUint32(at + 8, bytes.length, true);
    out.set(bytes, at + 16);
    at += 16 + pad8(bytes.length);
  }
  return out;
}

function unframeKeyedBytes(bytes: Uint8Array, mayView: boolean): [number, Uint8Array][] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = view.getUint32(4, true);
  const inPlace = mayView && bytes.byteOffset % 8 === 0;
  const out = new Array<[number, Uint8Array]>(n);
  let at = 8;
  for (let i = 0; i < n; i++) {
    const key = view.getFloat64(at, true);
    const len = view.getUint32(at + 8, true);
    const body = bytes.subarray(at + 16, at + 16 + len);
    out[i] = [key, inPlace ? body : body.slice()];
    at += 16 + pad8(len);
  }
  return out;
}
