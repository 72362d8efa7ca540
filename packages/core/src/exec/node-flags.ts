/**
 * The V8 flags Kindling's processes run with: the `kindling` command starts Node with them, and a program that
 * imports the engine gets the same by running `node --single-threaded-gc program.js`.
 *
 * `--single-threaded-gc`: tasks keep every core busy on worker threads, and V8's parallel and concurrent garbage
 * collection helpers then run on the same cores, where they only take time from the tasks. Each worker collects
 * its own (small) heap on its own thread instead. Over the 22 TPC-H queries at scale factor 1 on two threads this
 * cut the process's CPU time by about a seventh (docs/BENCHMARKS.md). It cannot be set from inside a running
 * process: V8 reads it when it starts.
 */
export const NODE_FLAGS: readonly string[] = ['--single-threaded-gc'];

/** The flags of NODE_FLAGS that this Node process (or one started with `execArgv`) was not started with. */
export function missingNodeFlags(execArgv: readonly string[] = process.execArgv): string[] {
  return NODE_FLAGS.filter((f) => !execArgv.includes(f));
}
