/** murmur3's finalizer: spreads the bits of a combined hash before it picks a table slot. */
export declare function fmix(h: number): number;
/** Mixes one 32-bit word into a running hash. */
export declare function mixWord(h: number, w: number): number;
export declare const NULL_HASH = 524114809;
export declare const SEED = 625341585;
/** FNV-1a over UTF-8 bytes [s, e): a string hashes the same from Arrow bytes and from a JS string's encoding. */
export declare function hashBytes(bytes: Uint8Array, s: number, e: number): number;
//# sourceMappingURL=hashing.d.ts.map