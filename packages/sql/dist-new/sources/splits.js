import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
/** Spark's spark.sql.files.maxPartitionBytes is 128 MB; a smaller cap keeps 2-core machines busy on big files. */
export const MAX_SPLIT_BYTES = 32 * 1024 * 1024;
export const isCompressed = (path) => /\.(gz|gzip)$/i.test(path);
/**
 * Byte-range splits the way Hadoop's FileInputFormat cuts them: a goal size of total/minPartitions capped at
 * MAX_SPLIT_BYTES, the last split of a file allowed to be 10% larger. Unsplittable files (compressed, or a format
 * option such as multiLine) are one split each.
 */
export function byteRangeSplits(files, minPartitions, splittable = (p) => !isCompressed(p), maxSplit = MAX_SPLIT_BYTES) {
    const total = files.reduce((s, f) => s + f.size, 0);
    const splitSize = Math.max(1, Math.min(maxSplit, Math.ceil(total / Math.max(1, minPartitions))));
    const splits = [];
    for (const f of files) {
        if (!splittable(f.path) || f.size === 0) {
            splits.push({ index: splits.length, path: f.path, start: 0, length: f.size });
            continue;
        }
        let remaining = f.size;
        while (remaining / splitSize > 1.1) {
            splits.push({ index: splits.length, path: f.path, start: f.size - remaining, length: splitSize });
            remaining -= splitSize;
        }
        if (remaining > 0)
            splits.push({ index: splits.length, path: f.path, start: f.size - remaining, length: remaining });
    }
    return splits;
}
/** The whole content of a file, gunzipped when its name ends in .gz. */
export function readWholeFile(path) {
    const raw = readFileSync(path);
    return isCompressed(path) ? gunzipSync(raw) : raw;
}
/** Number of '\n' bytes in [0, offset) of a file: turns a split-relative line into a file line number. */
export function countNewlinesBefore(path, offset) {
    if (offset <= 0)
        return 0;
    const fd = openSync(path, 'r');
    try {
        const buf = Buffer.allocUnsafe(1 << 20);
        let count = 0;
        for (let pos = 0; pos < offset;) {
            const n = readSync(fd, buf, 0, Math.min(buf.length, offset - pos), pos);
            if (n === 0)
                break;
            for (let i = buf.indexOf(10, 0); i !== -1 && i < n; i = buf.indexOf(10, i + 1))
                count++;
            pos += n;
        }
        return count;
    }
    finally {
        closeSync(fd);
    }
}
const NL = 0x0a;
/**
 * Yields the lines of a split in chunks of whole lines. A line belongs to the split in which it starts, so every
 * line is read exactly once however the file is cut: a split skips the partial line it starts in (unless it
 * starts the file) and reads past its end to finish its last line — the same rule as Hadoop's LineRecordReader.
 * Compressed files are one split, decompressed whole.
 */
export function* lineChunks(split, chunkSize = 8 << 20) {
    if (isCompressed(split.path)) {
        let buf = readWholeFile(split.path);
        if (buf.length && buf[buf.length - 1] !== NL)
            buf = Buffer.concat([buf, Buffer.from([NL])]);
        if (buf.length)
            yield { buf, from: 0, to: buf.length, fileOffset: 0 };
        return;
    }
    const end = split.start + split.length;
    const fd = openSync(split.path, 'r');
    try {
        let pos = split.start; // file offset of the next byte to read
        let buf = Buffer.allocUnsafe(Math.max(1 << 16, Math.min(chunkSize, split.length + (1 << 16))));
        let have = 0; // bytes in buf[0, have), starting at file offset pos - have
        let skipFirst = split.start > 0;
        // A line starts at `start` exactly when the byte before it is a newline: read from start - 1.
        if (skipFirst)
            pos = split.start - 1;
        for (;;) {
            if (have === buf.length) {
                const bigger = Buffer.allocUnsafe(buf.length * 2); // a line longer than the buffer
                buf.copy(bigger, 0, 0, have);
                buf = bigger;
            }
            const n = readSync(fd, buf, have, buf.length - have, pos);
            pos += n;
            have += n;
            let from = 0;
            const bufStart = pos - have; // file offset of buf[0]
            if (skipFirst) {
                const i = buf.indexOf(NL, 0);
                if (i === -1 || i >= have) {
                    if (n === 0)
                        return; // no line starts in this split
                    have = 0; // the whole buffer is the tail of a line that started before us
                    continue;
                }
                from = i + 1;
                skipFirst = false;
                if (bufStart + from >= end)
                    return;
            }
            if (n === 0) {
                // End of file: the rest is one last line without a newline.
                if (have > from) {
                    if (have === buf.length) {
                        const bigger = Buffer.allocUnsafe(buf.length + 1);
                        buf.copy(bigger, 0, 0, have);
                        buf = bigger;
                    }
                    buf[have] = NL;
                    yield { buf, from, to: have + 1, fileOffset: bufStart + from };
                }
                return;
            }
            // Our last line is the one containing byte end - 1: it ends at the first newline at or after it.
            const lastFrom = Math.max(from, end - 1 - bufStart);
            if (lastFrom < have) {
                const i = buf.indexOf(NL, lastFrom);
                if (i !== -1 && i < have) {
                    yield { buf, from, to: i + 1, fileOffset: bufStart + from };
                    return;
                }
            }
            const last = buf.lastIndexOf(NL, have - 1);
            if (last >= from) {
                yield { buf, from, to: last + 1, fileOffset: bufStart + from };
                buf.copy(buf, 0, last + 1, have);
                have -= last + 1;
            }
            else if (from > 0) {
                buf.copy(buf, 0, from, have);
                have -= from;
            }
        }
    }
    finally {
        closeSync(fd);
    }
}
//# sourceMappingURL=splits.js.map