export { hashKey, hashPartition, hashString } from './hash.js';
export { canonicalKey, keyEquals } from './canonical.js';
export { compareKeys } from './compare.js';
export { KeyMap } from './key-map.js';
export { keyKind, isPlainObject, type KeyKind } from './kind.js';
