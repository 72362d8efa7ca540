import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { FetchFailedError } from '../errors.js';

// Records travel between tasks and to disk in frames: a 4-byte little-endian length, then a v8-serialized array of
// records. A block (one reduce partition of a map output) and a spill run are sequences of frames, so a reader
// holds one frame at a time, never a whole block.

export const FRAME_HEADER = 4;
/** Frames of map outputs: big enough that the per-frame cost vanishes, small enough to decode at once. */
export const OUTPUT_FRAME_BYTES = 256 << 10;
/** Frames of spill runs: a merge holds one decoded frame per run. */
export const SPILL_FRAME_BYTES = 64 << 10;

/** Groups records into frames of about `targetBytes` serialized bytes, adapting the record count per frame. */
export class FrameBatcher {
  private batch: unknown[] = [];
  private limit = 128;

  constructor(
    private readonly targetBytes: number,
    /** Receives each frame's serialized body (without header) and its record count. */
    private readonly emit: (body: Buffer, count: number) => void,
  ) {}

  get pending(): number {
    return this.batch.length;
  }

  push(record: unknown): void {
    const b = this.batch;
    b.push(record);
    if (b.length >= this.limit) this.flush();
  }

  flush(): void {
    const b = this.batch;
    if (b.length === 0) return;
    const body = serialize(b);
    this.batch = [];
    const next = Math.round((b.length * this.targetBytes) / Math.max(1, body.length));
    this.limit = Math.min(1 << 16, Math.max(8, next));
    this.emit(body, b.length);
  }
}

export function frameHeader(length: number): Buffer {
  const h = Buffer.allocUnsafe(FRAME_HEADER);
  h.writeUInt32LE(length, 0);
  return h;
}

/** Serializes `records` as frames of about `targetBytes`, appended to `out` (header and body as separate buffers). */
export function encodeFrames(records: unknown[], targetBytes: number, out: Uint8Array[]): number {
  let bytes = 0;
  const batcher = new FrameBatcher(targetBytes, (body) => {
    out.push(frameHeader(body.length), body);
    bytes += FRAME_HEADER + body.length;
  });
  for (let i = 0; i < records.length; i++) batcher.push(records[i]);
  batcher.flush();
  return bytes;
}

/** Calls `fn` with the records of each frame in `bytes` (a whole number of frames). */
export function forEachFrame(bytes: Uint8Array, fn: (records: unknown[]) => void): void {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let pos = 0; pos < bytes.length; ) {
    const len = dv.getUint32(pos, true);
    pos += FRAME_HEADER;
    fn(deserialize(bytes.subarray(pos, pos + len)) as unknown[]);
    pos += len;
  }
}

export function* framesOf(bytes: Uint8Array): Generator<unknown[]> {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let pos = 0; pos < bytes.length; ) {
    const len = dv.getUint32(pos, true);
    pos += FRAME_HEADER;
    const records = deserialize(bytes.subarray(pos, pos + len)) as unknown[];
    pos += len;
    yield records;
  }
}

/** Where a file being read belongs, so that a missing file is reported as a lost map output. */
export interface FileOwner {
  shuffleId: number;
  mapId: number;
  epoch?: number;
}

export function openForRead(path: string, owner?: FileOwner): number {
  try {
    return openSync(path, 'r');
  } catch (e) {
    if (owner && (e as NodeJS.ErrnoException).code === 'ENOENT') throw new FetchFailedError(owner.shuffleId, owner.mapId, owner.epoch);
    throw e;
  }
}

/** Reads the frames of a byte range of a file, in chunks, one frame at a time. */
export class FileFrameReader {
  private fd: number;
  private buf: Buffer;
  private start = 0; // next unread byte in buf
  private end = 0; // end of valid bytes in buf
  private filePos: number;

  constructor(
    path: string,
    from: number,
    private readonly to: number,
    chunk = 256 << 10,
    owner?: FileOwner,
  ) {
    this.fd = from < to ? openForRead(path, owner) : -1;
    this.filePos = from;
    this.buf = Buffer.allocUnsafe(Math.max(64, Math.min(chunk, to - from)));
  }

  /** Makes at least `n` unread bytes available in the buffer; false at the end of the range. */
  private fill(n: number): boolean {
    if (this.end - this.start >= n) return true;
    if (this.start > 0) {
      this.buf.copy(this.buf, 0, this.start, this.end);
      this.end -= this.start;
      this.start = 0;
    }
    if (n > this.buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(n, this.buf.length * 2));
      this.buf.copy(bigger, 0, 0, this.end);
      this.buf = bigger;
    }
    while (this.end < n) {
      const want = Math.min(this.buf.length - this.end, this.to - this.filePos);
      if (want <= 0) return false;
      const got = readSync(this.fd, this.buf, this.end, want, this.filePos);
      if (got === 0) throw new Error(`internal: spill or shuffle file ended early at byte ${this.filePos}`);
      this.end += got;
      this.filePos += got;
    }
    return true;
  }

  /** The next frame's records, or null at the end (the file is closed then). */
  next(): unknown[] | null {
    if (this.fd < 0) return null;
    if (!this.fill(FRAME_HEADER)) {
      this.close();
      return null;
    }
    const len = this.buf.readUInt32LE(this.start);
    if (!this.fill(FRAME_HEADER + len)) throw new Error('internal: truncated frame in a spill or shuffle file');
    const body = this.buf.subarray(this.start + FRAME_HEADER, this.start + FRAME_HEADER + len);
    this.start += FRAME_HEADER + len;
    return deserialize(body) as unknown[];
  }

  close(): void {
    if (this.fd >= 0) {
      closeSync(this.fd);
      this.fd = -1;
    }
  }
}

/** Appends bytes to a new file, buffering small writes. */
export class FileAppender {
  private fd: number;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  /** Bytes appended so far (written or buffered). */
  position = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }

  append(bytes: Uint8Array): void {
    this.position += bytes.length;
    if (bytes.length >= 1 << 20) {
      this.flush();
      writeAll(this.fd, bytes);
      return;
    }
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    if (this.pendingBytes >= 1 << 20) this.flush();
  }

  appendFrame(body: Uint8Array): void {
    this.append(frameHeader(body.length));
    this.append(body);
  }

  flush(): void {
    if (this.pendingBytes === 0) return;
    writeAll(this.fd, this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingBytes));
    this.pending = [];
    this.pendingBytes = 0;
  }

  close(): void {
    if (this.fd < 0) return;
    try {
      this.flush();
    } finally {
      closeSync(this.fd);
      this.fd = -1;
    }
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
}

/** Copies the byte range [from, to) of a file into an appender, in chunks. */
export function copyRange(path: string, from: number, to: number, into: FileAppender): void {
  if (from >= to) return;
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(Math.min(1 << 20, to - from));
    for (let pos = from; pos < to; ) {
      const got = readSync(fd, buf, 0, Math.min(buf.length, to - pos), pos);
      if (got === 0) throw new Error(`internal: ${path} ended early at byte ${pos}`);
      into.append(Buffer.from(buf.subarray(0, got))); // a copy: the appender may keep it until the next flush
      pos += got;
    }
  } finally {
    closeSync(fd);
  }
}
