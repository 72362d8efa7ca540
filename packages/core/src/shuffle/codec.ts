import { deserialize, serialize } from 'node:v8';

// Records cross threads and (later) disk as bytes, never as structured-cloned object graphs. v8's serializer
// handles every key and value kind we accept (strings, numbers, bigints, Dates, arrays, plain objects, Maps,
// Sets, typed arrays) in native code.

export function encodeRecords(records: unknown[]): Uint8Array {
  return serialize(records);
}

export function decodeRecords(bytes: Uint8Array): unknown[] {
  return deserialize(bytes) as unknown[];
}
