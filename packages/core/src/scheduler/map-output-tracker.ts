import { disposeMapOutput, type MapOutput } from '../shuffle/map-output.js';

/** What a shuffle's map stage wrote, per reduce partition (Spark's MapOutputStatistics). */
export interface MapOutputStatistics {
  shuffleId: number;
  bytesByPartitionId: number[];
}

/**
 * The driver's record of finished map outputs per shuffle. Kept after a job so later jobs that need the same
 * shuffle skip its map stage (Spark's MapOutputTracker).
 */
export class MapOutputTracker {
  private readonly shuffles = new Map<number, (MapOutput | undefined)[]>();

  register(shuffleId: number, numMaps: number): void {
    if (!this.shuffles.has(shuffleId)) this.shuffles.set(shuffleId, new Array(numMaps).fill(undefined));
  }

  private epoch = 0;

  addOutput(shuffleId: number, mapId: number, out: MapOutput): void {
    out.epoch = ++this.epoch;
    const outs = this.shuffles.get(shuffleId)!;
    const old = outs[mapId];
    if (old && old !== out) disposeMapOutput(old); // a re-run replaced it: free its memory or file
    outs[mapId] = out;
  }

  /** Map partitions whose output is missing. */
  missing(shuffleId: number): number[] {
    const outs = this.shuffles.get(shuffleId) ?? [];
    const res: number[] = [];
    outs.forEach((o, i) => o === undefined && res.push(i));
    return res;
  }

  isAvailable(shuffleId: number): boolean {
    const outs = this.shuffles.get(shuffleId);
    return !!outs && outs.every((o) => o !== undefined);
  }

  outputs(shuffleId: number): MapOutput[] {
    return (this.shuffles.get(shuffleId) ?? []) as MapOutput[];
  }

  /** Marks one map output as lost (its data is gone); readers then fail with a fetch failure. */
  markLost(shuffleId: number, mapId: number): boolean {
    const out = this.shuffles.get(shuffleId)?.[mapId];
    if (!out) return false;
    out.lost = true;
    return true;
  }

  /**
   * Forgets one map output so that map task re-runs — unless the output registered now is newer than the one a
   * task failed to read (another task's failure already had it recomputed).
   */
  removeOutput(shuffleId: number, mapId: number, epoch?: number): void {
    const outs = this.shuffles.get(shuffleId);
    const cur = outs?.[mapId];
    if (outs && cur && (epoch === undefined || cur.epoch === epoch)) {
      outs[mapId] = undefined;
      disposeMapOutput(cur);
    }
  }

  /** Drops a shuffle's outputs: gives their memory back to the budget and deletes their files. */
  remove(shuffleId: number): void {
    for (const o of this.shuffles.get(shuffleId) ?? []) if (o) disposeMapOutput(o);
    this.shuffles.delete(shuffleId);
  }

  clear(): void {
    for (const id of [...this.shuffles.keys()]) this.remove(id);
  }
}
