import { compileBound } from '../../eval/evaluate.js';
import { GroupTable } from '../hash-agg/group-table.js';
import { KeyWords } from '../hash-agg/key-words.js';
const evalsOf = (keys) => keys.map((k) => {
    const f = compileBound(k);
    return (b) => f(b.columns, b.length);
});
/**
 * The build side of a hash join: its rows' keys encoded to words (as the hash aggregate's), one group per
 * distinct key, and each group's rows as a chain (head per group, next per row, in row order). Probing encodes
 * the other side's keys with the same encoders, so string dictionaries are shared. NULL keys never match.
 */
export class JoinTable {
    kw;
    probeKw;
    table;
    head;
    next;
    gids = new Int32Array(0);
    constructor(buildKeys, probeKeys, build) {
        this.kw = new KeyWords(buildKeys, evalsOf(buildKeys));
        this.probeKw = this.kw.withKeys(probeKeys, evalsOf(probeKeys));
        const n = build.length;
        const sources = this.kw.sources(build);
        const nulls = KeyWords.nullRows(sources, n);
        this.kw.encode(sources, n);
        const gids = new Int32Array(n);
        if (this.kw.dense)
            gids.set(this.kw.words.subarray(0, n));
        this.table = this.kw.dense ? null : new GroupTable(this.kw.width);
        this.table?.insert(this.kw.words, this.kw.h, n, gids);
        const groups = this.table ? this.table.count : this.kw.encoders[0].size;
        this.head = new Int32Array(groups).fill(-1);
        this.next = new Int32Array(n).fill(-1);
        // Chains built from the last row back, so that they list rows in order.
        for (let r = n - 1; r >= 0; r--) {
            if (nulls !== null && nulls[r] === 1)
                continue;
            const g = gids[r];
            this.next[r] = this.head[g];
            this.head[g] = r;
        }
    }
    /** Matching (probe row, build row) pairs of a probe batch, probe rows in order. */
    probe(b) {
        const n = b.length;
        const kw = this.probeKw;
        const sources = kw.sources(b);
        const nulls = KeyWords.nullRows(sources, n);
        kw.encode(sources, n);
        if (this.gids.length < n)
            this.gids = new Int32Array(n);
        const gids = this.gids;
        if (this.table)
            this.table.find(kw.words, kw.h, n, gids);
        else
            gids.set(kw.words.subarray(0, n));
        const head = this.head;
        const next = this.next;
        const groups = head.length;
        const pi = [];
        const bi = [];
        for (let r = 0; r < n; r++) {
            const g = gids[r];
            if (g < 0 || g >= groups || (nulls !== null && nulls[r] === 1))
                continue;
            let j = head[g];
            while (j >= 0) {
                pi.push(r);
                bi.push(j);
                j = next[j];
            }
        }
        return { probe: pi, build: bi };
    }
}
//# sourceMappingURL=join-table.js.map