// Entry point of a worker thread in the pool: piscina calls the default export once per task.
import { runTask, type TaskPayload, type TaskOutcome } from './task.js';

export default function (payload: TaskPayload): Promise<TaskOutcome> {
  return runTask(payload);
}
