import { closeSync, openSync, readSync, writeSync, writevSync } from 'node:fs';
import { FetchFailedError } from '../errors.js';
import { decodeRecords, encodeRecords, pad8 } from './codec.js';

// Records travel between tasks and to disk in frames: a 4-byte little-endian length, then the records as
// encodeRecords writes them (a v8-serialized array; byte arrays and [number, bytes] pairs framed by hand, which
// spares v8's copy of each array on both sides). A block (one reduce partition of a map output) and a spill run are sequences of frames, so a reader
// holds one frame at a time, never a whole block.

/** A frame's header: its body's length (u32 LE) and 4 bytes of padding, so that bodies start 8-aligned. */
export const FRAME_HEADER = 8;
/** Bytes a frame with a body of `len` bytes occupies: the header, the body, and zeros up to a multiple of 8. */
export const framedLength = (len: number): number => FRAME_HEADER + pad8(len);
const ZEROS = new Uint8Array(8);
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
    private readonly emit: (body: Uint8Array, count: number) => void,
  ) {}

  get pending(): number {
    return this.batch.length;
  }

  push(record: unknown): void {
    const b = this.batch;
    b.push(record);
    if (b.length >= this.limit) this.flush();
  }

  /** Pushes two elements that must stay in one frame (a flat key, combiner pair). */
  push2(a: unknown, c: unknown): void {
    const b = this.batch;
    b.push(a, c);
    if (b.length >= this.limit) this.flush();
  }

  flush(): void {
    const b = this.batch;
    if (b.length === 0) return;
    const body = encodeRecords(b);
    this.batch = [];
    const next = Math.round((b.length * this.targetBytes) / Math.max(1, body.length));
    this.limit = Math.min(1 << 16, Math.max(8, next));
    this.emit(body, b.length);
  }
}

function frameHeader(length: number): Buffer {
  const h = Buffer.alloc(FRAME_HEADER);
  h.writeUInt32LE(length, 0);
  return h;
}

/** Appends a frame of `body` to `out` as pieces (header, body, padding); returns the bytes it occupies. */
export function pushFrame(out: Uint8Array[], body: Uint8Array): number {
  out.push(frameHeader(body.length), body);
  const pad = pad8(body.length) - body.length;
  if (pad) out.push(ZEROS.subarray(0, pad));
  return framedLength(body.length);
}

/** Serializes `records` as frames of about `targetBytes`, appended to `out` (header and body as separate buffers). */
export function encodeFrames(records: unknown[], targetBytes: number, out: Uint8Array[]): number {
  let bytes = 0;
  const batcher = new FrameBatcher(targetBytes, (body) => {
    bytes += pushFrame(out, body);
  });
  for (let i = 0; i < records.length; i++) batcher.push(records[i]);
  batcher.flush();
  return bytes;
}

/**
 * Frames copied into reusable 1 MiB slabs. Frames that wait in memory for a spill live here rather than each in its
 * own buffer: those buffers would outlive the young generation and, once spilled, linger as garbage (outside the
 * heap, so the collector is in no hurry) — with slabs, a spill frees nothing and the next frames reuse the space.
 */
export class Slabs {
  private static readonly SIZE = 1 << 20;
  private readonly slabs: Buffer[] = [];
  private cur = 0;
  private pos = 0;

  /**
   * Appends the frame of `body` to `out`: a copy of header + body in a slab, valid until `reset()`. A large body
   * (a quarter of a slab or more, most frames of a DataFrame shuffle) is kept as it is, after a header of its own:
   * a copy would take a buffer of its own just the same. `body` must be the caller's to give (encodeRecords'
   * result is).
   */
  frame(body: Uint8Array, out: Uint8Array[]): void {
    const n = framedLength(body.length);
    if (n > Slabs.SIZE / 4) {
      pushFrame(out, body);
      return;
    }
    if (this.cur < this.slabs.length && this.pos + n > Slabs.SIZE) {
      this.cur++;
      this.pos = 0;
    }
    if (this.cur === this.slabs.length) this.slabs.push(Buffer.allocUnsafe(Slabs.SIZE));
    const slab = this.slabs[this.cur]!;
    const view = slab.subarray(this.pos, this.pos + n);
    slab.writeUInt32LE(body.length, this.pos);
    slab.fill(0, this.pos + 4, this.pos + FRAME_HEADER);
    slab.set(body, this.pos + FRAME_HEADER);
    slab.fill(0, this.pos + FRAME_HEADER + body.length, this.pos + n);
    this.pos += n;
    out.push(view);
  }

  /** Every copy made so far is dead: reuse the slabs. */
  reset(): void {
    this.cur = 0;
    this.pos = 0;
  }
}

/** Calls `fn` with the records of each frame in `bytes` (a whole number of frames). */
export function forEachFrame(bytes: Uint8Array, fn: (records: unknown[]) => void): void {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let pos = 0; pos < bytes.length; ) {
    const len = dv.getUint32(pos, true);
    fn(decodeRecords(bytes.subarray(pos + FRAME_HEADER, pos + FRAME_HEADER + len)));
    pos += framedLength(len);
  }
}

export function* framesOf(bytes: Uint8Array): Generator<unknown[]> {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let pos = 0; pos < bytes.length; ) {
    const len = dv.getUint32(pos, true);
    const records = decodeRecords(bytes.subarray(pos + FRAME_HEADER, pos + FRAME_HEADER + len));
    pos += framedLength(len);
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
    if (!this.fill(framedLength(len))) throw new Error('internal: truncated frame in a spill or shuffle file');
    const body = this.buf.subarray(this.start + FRAME_HEADER, this.start + FRAME_HEADER + len);
    this.start += framedLength(len);
    return decodeRecords(body, false); // body is a view of the reused read buffer
  }

  close(): void {
    if (this.fd >= 0) {
      closeSync(this.fd);
      this.fd = -1;
    }
  }
}

/** A scratch buffer per thread for file copies (a task runs on one thread at a time). */
let copyBuffer: Buffer | null = null;

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
    const pieces: Uint8Array[] = [];
    pushFrame(pieces, body);
    for (const p of pieces) this.append(p);
  }

  /** Copies the byte range [from, to) of another file, in chunks through one reused buffer. */
  appendFileRange(path: string, from: number, to: number): void {
    if (from >= to) return;
    this.flush();
    copyBuffer ??= Buffer.allocUnsafe(1 << 20);
    const buf = copyBuffer;
    const fd = openSync(path, 'r');
    try {
      for (let pos = from; pos < to; ) {
        const got = readSync(fd, buf, 0, Math.min(buf.length, to - pos), pos);
        if (got === 0) throw new Error(`internal: ${path} ended early at byte ${pos}`);
        writeAll(this.fd, buf.subarray(0, got));
        pos += got;
      }
    } finally {
      closeSync(fd);
    }
    this.position += to - from;
  }

  flush(): void {
    if (this.pendingBytes === 0) return;
    const pieces = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    if (pieces.length === 1) writeAll(this.fd, pieces[0]!);
    else writevAll(this.fd, pieces);
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

function writevAll(fd: number, pieces: Uint8Array[]): void {
  let total = 0;
  for (const p of pieces) total += p.length;
  const written = writevSync(fd, pieces);
  if (written === total) return;
  // A short write (rare for regular files): finish piece by piece.
  let skip = written;
  for (const p of pieces) {
    if (skip >= p.length) {
      skip -= p.length;
      continue;
    }
    writeAll(fd, skip ? p.subarray(skip) : p);
    skip = 0;
  }
}
