/**
 * Typed errors. Every error a user can see has a stable `code` (UPPER_SNAKE, in the style of Spark 4's
 * error classes) so programs can branch on it, and a message written for the user: what went wrong, where,
 * and what to do instead.
 */
export class KindlingError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(`[${code}] ${message}`, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A function given to a transformation cannot be shipped to worker threads. Raised when the RDD is defined. */
export class ClosureError extends KindlingError {}

/** An argument of an API call is out of range or of the wrong kind. */
export class IllegalArgumentError extends KindlingError {}

/** A key cannot be hashed or compared by value (for example a class instance or a function). */
export class KeyError extends KindlingError {}

/** A job failed: a task threw, or its inputs could not be read. `cause` holds the user's original error. */
export class JobFailedError extends KindlingError {
  constructor(
    message: string,
    readonly details: { jobId: number; stageId?: number; partition?: number; attempt?: number },
    options?: { cause?: unknown },
  ) {
    super('JOB_FAILED', message, options);
  }
}

/**
 * A broadcast variable was misused: `BROADCAST_DESTROYED` (used after `destroy()`), `BROADCAST_NOT_SERIALIZABLE`,
 * `BROADCAST_DRIVER_ONLY` (unpersist/destroy inside a task). See docs/SHARED-VARIABLES.md.
 */
export class BroadcastError extends KindlingError {}

/** An accumulator was misused: `ACCUMULATOR_NOT_REGISTERED`, `ACCUMULATOR_ALREADY_REGISTERED`, `INVALID_ACCUMULATOR_VALUE`. */
export class AccumulatorError extends KindlingError {}

/** An input path does not exist or cannot be read. */
export class InputError extends KindlingError {}

/** An output location is not writable, or exists and overwrite was not asked for. */
export class OutputError extends KindlingError {}

/** The context was stopped, or an action was called on an RDD whose context is gone. */
export class ContextStoppedError extends KindlingError {
  constructor(message = 'This Context has been stopped. Create a new Context to run more jobs.') {
    super('CONTEXT_STOPPED', message);
  }
}

/** A job was cancelled by `cancelAllJobs()` or by the AbortSignal passed to an action. */
export class JobCancelledError extends KindlingError {
  constructor(message = 'The job was cancelled.') {
    super('JOB_CANCELLED', message);
  }
}

/**
 * A task could not read a shuffle map output (lost or deleted). The scheduler re-runs that map task from lineage
 * and then the failed task; users see this only if recovery keeps failing.
 */
export class FetchFailedError extends KindlingError {
  constructor(
    readonly shuffleId: number,
    readonly mapId: number,
    /** Which registration of that output failed (see MapOutputTracker). */
    readonly epoch?: number,
  ) {
    super('FETCH_FAILED', `The output of map task ${mapId} of shuffle ${shuffleId} is missing; it will be recomputed from lineage.`);
  }
}
