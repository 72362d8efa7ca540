interface TList {
    et: number;
    items: TValue[];
}
interface TMap {
    kt: number;
    vt: number;
    entries: [TValue, TValue][];
}
type TField = {
    t: number;
    v: TValue;
};
type TStruct = Map<number, TField>;
type TValue = number | boolean | Uint8Array | TList | TMap | TStruct;
export interface ChunkInfo {
    /** Top-level column name (first element of path_in_schema). */
    column: string;
    start: number;
    length: number;
}
export interface RowGroupInfo {
    index: number;
    numRows: number;
    /** Byte range of the row group's column chunks. */
    start: number;
    length: number;
    chunks: ChunkInfo[];
}
export interface ParquetFooter {
    fileSize: number;
    /** Offset of the Thrift-encoded metadata; the footer runs from here to the end of the file. */
    footerStart: number;
    numRows: number;
    rowGroups: RowGroupInfo[];
    /** The decoded FileMetaData (for `compactFile`). */
    meta: TStruct;
}
/** Reads and decodes the footer of a Parquet file. */
export declare function readFooter(path: string): ParquetFooter;
/** Top-level column names of the file's schema, in order. */
export declare function topLevelColumns(footer: ParquetFooter): string[];
/**
 * A Parquet file holding only the given row groups and top-level columns of `path`: "PAR1", the kept column
 * chunks copied byte for byte, and a rewritten footer (schema, column orders and row groups filtered, page
 * offsets moved, page indexes, bloom filters and the embedded Arrow schema dropped).
 */
export declare function compactFile(path: string, footer: ParquetFooter, groups: number[], columns: Set<string>): Uint8Array;
export {};
//# sourceMappingURL=metadata.d.ts.map