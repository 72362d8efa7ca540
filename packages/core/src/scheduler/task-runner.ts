import type { TaskOutcome, TaskPayload } from '../exec/task.js';

/** Where tasks run: on the calling thread ('local') or on a pool of worker threads ('local[N]'). */
export interface TaskRunner {
  readonly parallelism: number;
  run(task: TaskPayload, signal?: AbortSignal): Promise<TaskOutcome>;
  close(): Promise<void>;
}
