import type { Bound } from '../../eval/bound.js';
import type { ColumnarBatch } from '../columnar-batch.js';
/**
 * The build side of a hash join: its rows' keys encoded to words (as the hash aggregate's), one group per
 * distinct key, and each group's rows as a chain (head per group, next per row, in row order). Probing encodes
 * the other side's keys with the same encoders, so string dictionaries are shared. NULL keys never match.
 */
export declare class JoinTable {
    private readonly kw;
    private readonly probeKw;
    private readonly table;
    private head;
    private readonly next;
    private gids;
    constructor(buildKeys: Bound[], probeKeys: Bound[], build: ColumnarBatch);
    /** Matching (probe row, build row) pairs of a probe batch, probe rows in order. */
    probe(b: ColumnarBatch): {
        probe: number[];
        build: number[];
    };
}
//# sourceMappingURL=join-table.d.ts.map