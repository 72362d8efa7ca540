// 32-bit hashing for the columnar hash aggregate. Values hash the same in every task (partial aggregates of
// different tasks must send a key to the same reduce partition), so hashes depend on key values only.
/** murmur3's finalizer: spreads the bits of a combined hash before it picks a table slot. */
export function fmix(h) {
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return h ^ (h >>> 16);
}
/** Mixes one 32-bit word into a running hash. */
export function mixWord(h, w) {
    return Math.imul(h ^ Math.imul(w, 0xcc9e2d51), 0x1b873593) + 0x6b43a9b5;
}
export const NULL_HASH = 0x1f3d5b79;
export const SEED = 0x2545f491;
/** FNV-1a over UTF-8 bytes [s, e): a string hashes the same from Arrow bytes and from a JS string's encoding. */
export function hashBytes(bytes, s, e) {
    let h = 0x811c9dc5;
    for (let i = s; i < e; i++)
        h = Math.imul(h ^ bytes[i], 0x01000193);
    return h ^ (e - s);
}
//# sourceMappingURL=hashing.js.map