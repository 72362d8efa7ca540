// What piscina loads in each worker thread. piscina loads its task module with require() first, and on Node 20 a
// require() of an ES module can race with an import() of the same module graph still in flight and abort the whole
// process (FATAL ERROR: v8::Module::IsGraphAsync, seen in CI). This CommonJS entry keeps require() away from ES
// modules: it imports the engine's worker (an ES module) with import() alone, once per thread.
import type { TaskOutcome, TaskPayload } from './task.js';

let worker: Promise<(payload: TaskPayload) => Promise<TaskOutcome>> | undefined;

function run(payload: TaskPayload): Promise<TaskOutcome> {
  worker ??= import('./worker.js').then((m) => m.default);
  return worker.then((w) => w(payload));
}

export = run;
