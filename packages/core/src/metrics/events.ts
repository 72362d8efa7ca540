import type { JobInfo, StageInfo, TaskInfo } from './status.js';

/** Events published while jobs run; the progress bar, event log and UI listen here. */
export interface SchedulerEvents {
  jobStart: { job: JobInfo };
  jobEnd: { job: JobInfo };
  stageSubmitted: { stage: StageInfo };
  stageCompleted: { stage: StageInfo };
  taskStart: { stageId: number; partition: number; attempt: number };
  taskEnd: { task: TaskInfo };
}

type Listener<T> = (event: T) => void;

/** A typed, synchronous event bus. A listener that throws is reported on stderr and never breaks a job. */
export class EventBus {
  private readonly listeners = new Map<keyof SchedulerEvents, Set<Listener<any>>>();

  on<K extends keyof SchedulerEvents>(type: K, listener: Listener<SchedulerEvents[K]>): () => void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener);
    return () => set!.delete(listener);
  }

  emit<K extends keyof SchedulerEvents>(type: K, event: SchedulerEvents[K]): void {
    const set = this.listeners.get(type);
    if (!set) return;
    for (const l of set) {
      try {
        l(event);
      } catch (e) {
        process.stderr.write(`kindling: a '${type}' event listener threw: ${(e as Error)?.stack ?? e}\n`);
      }
    }
  }
}
