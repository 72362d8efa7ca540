import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { TaskMetrics } from '../metrics/task-metrics.js';
import type { FileSplit } from './text-splits.js';

const NL = 0x0a;
const CHUNK = 1 << 16;

/** Position of the first byte of the first line that starts at or after `start` (0 for the file's start). */
function firstLineStart(fd: number, start: number): number {
  if (start === 0) return 0;
  const buf = Buffer.allocUnsafe(CHUNK);
  let pos = start - 1; // a line starts at `start` exactly when the byte before it is a newline
  for (;;) {
    const n = readSync(fd, buf, 0, CHUNK, pos);
    if (n === 0) return pos;
    const i = buf.subarray(0, n).indexOf(NL);
    if (i !== -1) return pos + i + 1;
    pos += n;
  }
}

/** Reads [from, end) and then on to the end of the line that contains byte end - 1. */
function readOwnedBytes(fd: number, from: number, end: number): Buffer {
  const body = Buffer.allocUnsafe(end - from);
  let got = 0;
  while (got < body.length) {
    const n = readSync(fd, body, got, body.length - got, from + got);
    if (n === 0) break;
    got += n;
  }
  if (got < body.length || body[got - 1] === NL) return body.subarray(0, got);
  const tails: Buffer[] = [body];
  let pos = end;
  for (;;) {
    const chunk = Buffer.allocUnsafe(CHUNK);
    const n = readSync(fd, chunk, 0, CHUNK, pos);
    if (n === 0) break;
    const i = chunk.subarray(0, n).indexOf(NL);
    if (i !== -1) {
      tails.push(chunk.subarray(0, i + 1));
      break;
    }
    tails.push(chunk.subarray(0, n));
    pos += n;
  }
  return Buffer.concat(tails);
}

function emitLines(text: string, sink: (line: string) => void): number {
  let count = 0;
  let start = 0;
  const len = text.length;
  while (start < len) {
    let nl = text.indexOf('\n', start);
    if (nl === -1) nl = len;
    const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    sink(text.slice(start, end));
    count++;
    start = nl + 1;
  }
  return count;
}

/**
 * Pushes the lines of one split. A line belongs to the split in which it starts, so each line is read exactly
 * once however the file is cut; a trailing '\r' is dropped as Hadoop's LineRecordReader does.
 */
export function readLines(split: FileSplit, metrics: TaskMetrics, sink: (line: string) => void): void {
  if (split.gzip) {
    const raw = readFileSync(split.path);
    metrics.bytesRead += raw.length;
    metrics.recordsRead += emitLines(gunzipSync(raw).toString('utf8'), sink);
    return;
  }
  const end = split.start + split.length;
  const fd = openSync(split.path, 'r');
  let bytes: Buffer;
  try {
    const from = firstLineStart(fd, split.start);
    if (from >= end) return;
    bytes = readOwnedBytes(fd, from, end);
  } finally {
    closeSync(fd);
  }
  metrics.bytesRead += bytes.length;
  metrics.recordsRead += emitLines(bytes.toString('utf8'), sink);
}
