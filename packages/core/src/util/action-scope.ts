import { AsyncLocalStorage } from 'node:async_hooks';

/** Options every action accepts as its last argument. */
export interface ActionOptions {
  /** Aborting it cancels the action's jobs: running tasks on worker threads are stopped, and the action rejects. */
  signal?: AbortSignal;
}

// An action may run several jobs (take's rounds, sortByKey's sampling, zipWithIndex's counts); they all see the
// options of the action that started them.
const scope = new AsyncLocalStorage<ActionOptions>();

export function withActionOptions<T>(options: ActionOptions | undefined, fn: () => Promise<T>): Promise<T> {
  return options ? scope.run(options, fn) : fn();
}

export function currentSignal(): AbortSignal | undefined {
  return scope.getStore()?.signal;
}
