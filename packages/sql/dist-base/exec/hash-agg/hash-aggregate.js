import { lookupAggregate } from '../../agg/aggregate-function.js';
import { compileBound } from '../../eval/evaluate.js';
import { parseType } from '../../types/parse-type.js';
import { GenericStates } from './generic-states.js';
import { GroupTable } from './group-table.js';
import { fmix } from './hashing.js';
import { KeyWords } from './key-words.js';
const OUT_BATCH = 1 << 16;
/**
 * A hash aggregation in progress inside one task: group ids for each batch from the key columns (encoded to
 * words, then a typed-array hash table, or the dictionary codes of a single string key directly), and the
 * aggregates' states indexed by group id. The partial side folds input rows; the final side merges partial
 * states, which arrive as Arrow batches of [key columns..., state columns...] plus the generic states.
 */
export class HashAggregation {
    keys;
    kw;
    table;
    /** Group hashes when the single key's dictionary codes are the group ids (no table). */
    denseHashes;
    denseCount = 0;
    slots;
    gids = new Int32Array(0);
    /** `keyEvals` compute the key columns of a batch (the final side reads them as columns 0..k-1). */
    constructor(keys, aggs, keyEvals) {
        this.keys = keys;
        this.kw = new KeyWords(keys, keyEvals);
        const dense = this.kw.dense;
        this.table = keys.length === 0 || dense ? null : new GroupTable(this.kw.width);
        this.denseHashes = dense ? new Int32Array(1024) : null;
        this.slots = aggs.map((a) => {
            const f = lookupAggregate(a.name);
            const v = a.distinct ? null : (f.vectorize?.(a.args) ?? null);
            return v
                ? { args: v.args, vec: v.create(), generic: null, type: a.type }
                : { args: a.args, vec: null, generic: new GenericStates(f, a.distinct), type: a.type };
        });
    }
    get count() {
        if (this.keys.length === 0)
            return 1;
        return this.table ? this.table.count : this.denseCount;
    }
    /** Group ids of the n rows of batch b. */
    groupIds(b, n) {
        if (this.gids.length < n)
            this.gids = new Int32Array(n);
        const gids = this.gids;
        if (this.keys.length === 0) {
            gids.fill(0, 0, n);
            return gids;
        }
        this.kw.encode(this.kw.sources(b), n);
        const h = this.kw.h;
        if (this.table)
            this.table.insert(this.kw.words, h, n, gids);
        else {
            const words = this.kw.words;
            let hashes = this.denseHashes;
            let count = this.denseCount;
            for (let r = 0; r < n; r++) {
                const g = words[r];
                gids[r] = g;
                if (g >= count) {
                    count = g + 1;
                    if (g >= hashes.length) {
                        const bigger = new Int32Array(Math.max(hashes.length * 2, g + 1));
                        bigger.set(hashes);
                        hashes = bigger;
                    }
                    hashes[g] = h[r];
                }
            }
            this.denseHashes = hashes;
            this.denseCount = count;
        }
        return gids;
    }
    reserve() {
        const n = this.count;
        for (const s of this.slots)
            s.vec?.reserve(n);
    }
    /** Partial side: folds the rows of a batch into the groups. */
    update(b, argFns) {
        const n = b.length;
        const gids = this.groupIds(b, n);
        this.reserve();
        this.slots.forEach((s, j) => {
            const args = argFns[j].map((f) => f(b));
            if (s.vec)
                s.vec.update(gids, n, args);
            else
                s.generic.update(gids, n, args);
        });
    }
    /** Final side: merges a partial batch ([keys..., states...]) and its generic states. */
    merge(b, generic) {
        const n = b.length;
        const K = this.keys.length;
        const gids = this.groupIds(b, n);
        this.reserve();
        let col = K;
        let gi = 0;
        for (const s of this.slots) {
            if (s.vec) {
                const m = s.vec.stateTypes.length;
                s.vec.merge(gids, n, b.columns.slice(col, col + m));
                col += m;
            }
            else
                s.generic.merge(gids, n, generic[gi++]);
        }
    }
    groupHash(g) {
        if (this.keys.length === 0)
            return 0;
        return this.table ? this.table.hashes[g] : this.denseHashes[g];
    }
    keyVecs(order) {
        const kw = this.kw;
        if (this.table)
            return kw.encoders.map((e, c) => e.decode(this.table.keys, kw.width, kw.offsets[c], order));
        // Dense: the group id is the code.
        return kw.encoders.map((e) => e.decode(order, 1, 0, Int32Array.from(order.keys())));
    }
    /** The groups split by reduce partition (by their hash's high bits; the tables use the low bits). */
    byPartition(numPartitions) {
        const n = this.count;
        const part = new Int32Array(n);
        const sizes = new Int32Array(numPartitions);
        for (let g = 0; g < n; g++) {
            const p = numPartitions === 1 ? 0 : Math.floor(((fmix(this.groupHash(g)) >>> 0) / 4294967296) * numPartitions);
            part[g] = p;
            sizes[p]++;
        }
        const out = Array.from(sizes, (s) => new Int32Array(s));
        const at = new Int32Array(numPartitions);
        for (let g = 0; g < n; g++)
            out[part[g]][at[part[g]]++] = g;
        return out;
    }
    /** Partial states of the groups `order`, in chunks: [key columns..., state columns...] and the generic states. */
    *partialChunks(order) {
        for (let s = 0; s < order.length; s += OUT_BATCH) {
            const chunk = order.subarray(s, Math.min(order.length, s + OUT_BATCH));
            const columns = [...this.keyVecs(chunk)];
            const names = this.keys.map((_, c) => `k${c}`);
            const generic = [];
            this.slots.forEach((slot, j) => {
                if (slot.vec) {
                    const st = slot.vec.states(chunk);
                    st.forEach((v, i) => (columns.push(v), names.push(`s${j}_${i}`)));
                }
                else
                    generic.push(slot.generic.statesOf(chunk));
            });
            yield { batch: { names, columns, length: chunk.length }, generic };
        }
    }
    /** Final results of the groups `order` in chunks: [key columns..., aggregate results...]. */
    *resultChunks(order, names) {
        for (let s = 0; s < order.length; s += OUT_BATCH) {
            const chunk = order.subarray(s, Math.min(order.length, s + OUT_BATCH));
            const columns = [...this.keyVecs(chunk), ...this.slots.map((slot) => (slot.vec ? slot.vec.finish(chunk) : slot.generic.finish(chunk, parseType(slot.type))))];
            yield { names, columns, length: chunk.length };
        }
    }
}
//# sourceMappingURL=hash-aggregate.js.map