import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { TaskMetrics } from '../metrics/task-metrics.js';
import type { FileSplit } from './text-splits.js';

const NL = 0x0a;
/** Bytes read and decoded at a time: a task's memory stays bounded whatever the split size. */
const CHUNK = 4 << 20;

/** Emits the lines of `text`, which holds one or more lines separated by '\n' (no trailing newline). */
function emitSegment(text: string, sink: (line: string) => void): number {
  let count = 0;
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const stop = nl === -1 ? text.length : nl;
    const end = stop > start && text.charCodeAt(stop - 1) === 13 ? stop - 1 : stop;
    sink(text.slice(start, end));
    count++;
    if (nl === -1) return count;
    start = nl + 1;
  }
}

/** Lines are decoded from pieces of about this many bytes (cut at newlines) rather than from a whole chunk. */
const PIECE = 256 << 10;

/**
 * Emits the lines in buf[0, end) (no trailing newline), decoding a piece of about 256 KB at a time. A line is a
 * slice of the string it was decoded from and keeps all of it alive, so a line kept by a later stage (a record
 * waiting in a shuffle buffer) pins 256 KB, not a whole 4 MB chunk. (Pieces stay above V8's regular object size, so
 * the garbage collector never copies them.)
 */
function emitBytes(buf: Buffer, end: number, sink: (line: string) => void): number {
  let count = 0;
  for (let start = 0; ; ) {
    let stop = end;
    if (end - start > PIECE) {
      const nl = buf.indexOf(NL, start + PIECE);
      if (nl !== -1 && nl < end) stop = nl;
    }
    count += emitSegment(buf.toString('utf8', start, stop), sink);
    if (stop === end) return count;
    start = stop + 1;
  }
}

/** File offset of the first byte after the first newline at or after `from`, or -1 if there is none. */
function afterNextNewline(fd: number, from: number): number {
  const buf = Buffer.allocUnsafe(1 << 16);
  for (let pos = from; ; ) {
    const n = readSync(fd, buf, 0, buf.length, pos);
    if (n === 0) return -1;
    const i = buf.indexOf(NL);
    if (i !== -1 && i < n) return pos + i + 1;
    pos += n;
  }
}

/**
 * Pushes the lines of one split. A line belongs to the split in which it starts, so each line is read exactly
 * once however the file is cut: a split skips the partial line it starts in (unless it starts the file) and reads
 * past its end to finish its last line. The file is read in chunks cut at newline bytes; a newline byte never
 * occurs inside a multi-byte UTF-8 character, so each piece decodes on its own. A trailing '\r' is dropped, as
 * Hadoop's LineRecordReader does. `bytesRead` counts the bytes of the lines the split owns, so splits sum to the
 * file size.
 */
export function readLines(split: FileSplit, metrics: TaskMetrics, sink: (line: string) => void): void {
  if (split.gzip) {
    const raw = readFileSync(split.path);
    metrics.bytesRead += raw.length;
    const text = gunzipSync(raw).toString('utf8');
    if (text.length) metrics.recordsRead += emitSegment(text.endsWith('\n') ? text.slice(0, -1) : text, sink);
    return;
  }
  const end = split.start + split.length;
  const fd = openSync(split.path, 'r');
  let leased = false;
  try {
    // A line starts at `start` exactly when the byte before it is a newline.
    const first = split.start === 0 ? 0 : afterNextNewline(fd, split.start - 1);
    if (first === -1 || first >= end) return;
    leased = !spareInUse;
    let buf = leased ? leaseSpare(Math.min(CHUNK, end - first + 1)) : Buffer.allocUnsafe(Math.min(CHUNK, end - first + 1));
    let bufOffset = first; // file offset of buf[0], always the start of a line we own
    let have = 0;
    for (;;) {
      if (have === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2); // a line longer than the buffer
        buf.copy(bigger, 0, 0, have);
        buf = bigger;
      }
      const n = readSync(fd, buf, have, buf.length - have, bufOffset + have);
      have += n;
      // Our last line is the one that contains byte end - 1: it ends at the first newline at or after it.
      const lastFrom = Math.max(0, end - 1 - bufOffset);
      if (lastFrom < have) {
        const i = buf.indexOf(NL, lastFrom);
        if (i !== -1 && i < have) {
          metrics.recordsRead += emitBytes(buf, i, sink);
          metrics.bytesRead += i + 1;
          return;
        }
      }
      if (n === 0) {
        if (have > 0) metrics.recordsRead += emitBytes(buf, have, sink);
        metrics.bytesRead += have;
        return;
      }
      const last = have > 0 ? buf.lastIndexOf(NL, have - 1) : -1;
      if (last !== -1) {
        metrics.recordsRead += emitBytes(buf, last, sink);
        metrics.bytesRead += last + 1;
        buf.copy(buf, 0, last + 1, have);
        bufOffset += last + 1;
        have -= last + 1;
      }
    }
  } finally {
    closeSync(fd);
    if (leased) spareInUse = false;
  }
}

// One chunk buffer per thread, reused by the splits it reads one after another, so reading a large input does not
// leave a trail of 4 MB buffers for the garbage collector (and the allocator) to reclaim. A nested read (the same
// thread reading a second split inside the first one's sink, e.g. cartesian) gets a buffer of its own.
let spare: Buffer | null = null;
let spareInUse = false;

function leaseSpare(size: number): Buffer {
  spareInUse = true;
  spare ??= Buffer.allocUnsafe(CHUNK);
  return spare.subarray(0, size);
}
