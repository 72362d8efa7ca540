import type { FileSplit } from './file-source.js';
/** Spark's spark.sql.files.maxPartitionBytes is 128 MB; a smaller cap keeps 2-core machines busy on big files. */
export declare const MAX_SPLIT_BYTES: number;
export declare const isCompressed: (path: string) => boolean;
/**
 * Byte-range splits the way Hadoop's FileInputFormat cuts them: a goal size of total/minPartitions capped at
 * MAX_SPLIT_BYTES, the last split of a file allowed to be 10% larger. Unsplittable files (compressed, or a format
 * option such as multiLine) are one split each.
 */
export declare function byteRangeSplits(files: {
    path: string;
    size: number;
}[], minPartitions: number, splittable?: (path: string) => boolean, maxSplit?: number): FileSplit[];
/** The whole content of a file, gunzipped when its name ends in .gz. */
export declare function readWholeFile(path: string): Buffer;
/** Number of '\n' bytes in [0, offset) of a file: turns a split-relative line into a file line number. */
export declare function countNewlinesBefore(path: string, offset: number): number;
/**
 * A chunk of whole lines: `buf[from, to)` holds complete lines, each ending with '\n' (a final line without one
 * gets one appended), and `fileOffset` is the file offset of `buf[from]`. The buffer is reused between chunks.
 */
export interface LineChunk {
    buf: Buffer;
    from: number;
    to: number;
    fileOffset: number;
}
/**
 * Yields the lines of a split in chunks of whole lines. A line belongs to the split in which it starts, so every
 * line is read exactly once however the file is cut: a split skips the partial line it starts in (unless it
 * starts the file) and reads past its end to finish its last line — the same rule as Hadoop's LineRecordReader.
 * Compressed files are one split, decompressed whole.
 */
export declare function lineChunks(split: FileSplit, chunkSize?: number): Generator<LineChunk>;
//# sourceMappingURL=splits.d.ts.map