/**
 * Open-addressing hash table from fixed-width key words (a row of `width` Int32 words) to dense group ids
 * 0, 1, 2, ... in order of first appearance. Keys and hashes live in typed arrays: no object per group.
 */
export declare class GroupTable {
    readonly width: number;
    count: number;
    /** Group g's key words at [g * width, (g + 1) * width). */
    keys: Int32Array;
    /** Group g's hash (the row hash before the finalizer; it also picks the group's reduce partition). */
    hashes: Int32Array;
    private slots;
    constructor(width: number);
    /** Group ids of the rows whose key words are `words` (row r at r * width) and hashes `h`. */
    insert(words: Int32Array, h: Int32Array, n: number, gids: Int32Array): void;
    /** Group ids of rows that match an existing group, -1 for the others (nothing is inserted). */
    find(words: Int32Array, h: Int32Array, n: number, gids: Int32Array): void;
    private grow;
    private rehash;
    /** Bytes held (for memory accounting). */
    get bytes(): number;
}
//# sourceMappingURL=group-table.d.ts.map