import { runTask, type TaskOutcome, type TaskPayload } from '../exec/task.js';
import type { TaskRunner } from './task-runner.js';

/**
 * master 'local': tasks run one at a time on the calling thread, through the same serialized stage binary as
 * workers use, so closures behave identically (captured values are copies, not live references).
 */
export class InlineRunner implements TaskRunner {
  readonly parallelism = 1;
  private queue: Promise<unknown> = Promise.resolve();

  run(task: TaskPayload): Promise<TaskOutcome> {
    // One task at a time, in submission order; yield to the event loop between tasks.
    const next = this.queue.then(() => new Promise<void>((r) => setImmediate(r))).then(() => runTask(task));
    this.queue = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {}
}
