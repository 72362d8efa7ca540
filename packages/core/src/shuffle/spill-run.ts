import { rmSync } from 'node:fs';
import { FileAppender, FileFrameReader, FrameBatcher, SPILL_FRAME_BYTES } from './frames.js';
import type { TaskMetrics } from '../metrics/task-metrics.js';

/**
 * A sorted run spilled to a file of the task's scratch directory: frames of records, cut into segments by reduce
 * partition (one segment when the data is not partitioned). offsets[p] .. offsets[p + 1] is segment p.
 */
export interface SpillRun {
  path: string;
  offsets: number[];
}

/** Writes records segment by segment; call `startSegment(p)` for p = 0, 1, ... in order. */
export class RunWriter {
  private readonly out: FileAppender;
  private readonly batcher: FrameBatcher;
  private readonly offsets: number[] = [];

  constructor(path: string) {
    this.out = new FileAppender(path);
    this.batcher = new FrameBatcher(SPILL_FRAME_BYTES, (body) => this.out.appendFrame(body));
  }

  /** Starts segment `p` (segments before it that were not started are empty). */
  startSegment(p: number): void {
    this.batcher.flush();
    while (this.offsets.length <= p) this.offsets.push(this.out.position);
  }

  push(record: unknown): void {
    this.batcher.push(record);
  }

  /** A flat pair (aggregation runs): both in one frame. */
  push2(k: unknown, c: unknown): void {
    this.batcher.push2(k, c);
  }

  /** Ends the file with `segments` segments. */
  finish(segments: number, metrics: TaskMetrics): SpillRun {
    try {
      this.startSegment(segments);
    } finally {
      this.out.close();
    }
    metrics.diskBytesSpilled += this.out.position;
    return { path: this.out.path, offsets: this.offsets };
  }

  abort(): void {
    try {
      this.out.close();
    } finally {
      rmSync(this.out.path, { force: true });
    }
  }
}

/** A reader of the frames of segment `p` of a run; close it when done (also when abandoning it). */
export function openSegment(run: SpillRun, p: number): FileFrameReader {
  return new FileFrameReader(run.path, run.offsets[p]!, run.offsets[p + 1]!, SPILL_FRAME_BYTES * 2);
}

export function deleteRun(run: SpillRun): void {
  rmSync(run.path, { force: true });
}
