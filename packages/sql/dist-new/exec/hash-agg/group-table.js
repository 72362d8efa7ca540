import { fmix } from './hashing.js';
/**
 * Open-addressing hash table from fixed-width key words (a row of `width` Int32 words) to dense group ids
 * 0, 1, 2, ... in order of first appearance. Keys and hashes live in typed arrays: no object per group.
 */
export class GroupTable {
    width;
    count = 0;
    /** Group g's key words at [g * width, (g + 1) * width). */
    keys;
    /** Group g's hash (the row hash before the finalizer; it also picks the group's reduce partition). */
    hashes;
    slots; // group id + 1, 0 = empty
    constructor(width) {
        this.width = width;
        this.keys = new Int32Array(Math.max(1, width) * 1024);
        this.hashes = new Int32Array(1024);
        this.slots = new Int32Array(2048);
    }
    /** Group ids of the rows whose key words are `words` (row r at r * width) and hashes `h`. */
    insert(words, h, n, gids) {
        const W = this.width;
        for (let r = 0; r < n; r++) {
            const hr = h[r];
            let slots = this.slots;
            let mask = slots.length - 1;
            let i = fmix(hr) & mask;
            const base = r * W;
            let g = -1;
            for (;;) {
                const s = slots[i];
                if (s === 0)
                    break;
                const c = s - 1;
                if (this.hashes[c] === hr) {
                    const keys = this.keys;
                    const kb = c * W;
                    let k = 0;
                    while (k < W && keys[kb + k] === words[base + k])
                        k++;
                    if (k === W) {
                        g = c;
                        break;
                    }
                }
                i = (i + 1) & mask;
            }
            if (g < 0) {
                g = this.count++;
                if (g >= this.hashes.length)
                    this.grow();
                this.keys.set(words.subarray(base, base + W), g * W);
                this.hashes[g] = hr;
                if (this.count * 2 > slots.length)
                    this.rehash();
                else
                    slots[i] = g + 1;
            }
            gids[r] = g;
        }
    }
    /** Group ids of rows that match an existing group, -1 for the others (nothing is inserted). */
    find(words, h, n, gids) {
        const W = this.width;
        const slots = this.slots;
        const mask = slots.length - 1;
        const keys = this.keys;
        for (let r = 0; r < n; r++) {
            const hr = h[r];
            let i = fmix(hr) & mask;
            const base = r * W;
            let g = -1;
            for (;;) {
                const s = slots[i];
                if (s === 0)
                    break;
                const c = s - 1;
                if (this.hashes[c] === hr) {
                    const kb = c * W;
                    let k = 0;
                    while (k < W && keys[kb + k] === words[base + k])
                        k++;
                    if (k === W) {
                        g = c;
                        break;
                    }
                }
                i = (i + 1) & mask;
            }
            gids[r] = g;
        }
    }
    grow() {
        const n = this.hashes.length * 2;
        const k = new Int32Array(n * Math.max(1, this.width));
        k.set(this.keys);
        this.keys = k;
        const h = new Int32Array(n);
        h.set(this.hashes);
        this.hashes = h;
    }
    rehash() {
        const slots = new Int32Array(this.slots.length * 2);
        const mask = slots.length - 1;
        for (let g = 0; g < this.count; g++) {
            let i = fmix(this.hashes[g]) & mask;
            while (slots[i] !== 0)
                i = (i + 1) & mask;
            slots[i] = g + 1;
        }
        this.slots = slots;
    }
    /** Bytes held (for memory accounting). */
    get bytes() {
        return this.keys.byteLength + this.hashes.byteLength + this.slots.byteLength;
    }
}
//# sourceMappingURL=group-table.js.map