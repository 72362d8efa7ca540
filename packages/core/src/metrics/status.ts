import { addMetrics, emptyMetrics, type TaskMetrics } from './task-metrics.js';

export interface TaskInfo {
  stageId: number;
  partition: number;
  attempt: number;
  status: 'running' | 'succeeded' | 'failed' | 'killed';
  /** 'driver' for inline tasks, otherwise the worker thread's id. */
  executor: string;
  startTime: number;
  endTime?: number;
  durationMs?: number;
  metrics: TaskMetrics;
  error?: string;
}

export interface StageInfo {
  stageId: number;
  /** Call site of the stage's last RDD, e.g. "reduceByKey at wordcount.ts:12". */
  name: string;
  kind: 'shuffleMap' | 'result';
  rddIds: number[];
  parentStageIds: number[];
  numTasks: number;
  /** 0 for the first run in a job; higher when the stage re-ran to recompute lost map outputs. */
  attempt: number;
  status: 'pending' | 'running' | 'succeeded' | 'failed' | 'skipped';
  submissionTime?: number;
  completionTime?: number;
  tasks: TaskInfo[];
  /** Sum over successful task attempts. */
  metrics: TaskMetrics;
}

export interface JobInfo {
  jobId: number;
  description: string;
  status: 'running' | 'succeeded' | 'failed';
  stageIds: number[];
  submissionTime: number;
  completionTime?: number;
  durationMs?: number;
  error?: string;
  /** Task attempts that failed and were retried (worker lost, task threw). */
  taskRetries: number;
  /** Reads of lost shuffle output that made map tasks re-run from lineage. */
  fetchFailures: number;
  /** Cached partitions that had been lost (evicted, dropped) and were computed again from lineage. */
  cacheRecomputations: number;
  /** Speculative copies launched for slow tasks. */
  speculativeTasks: number;
}

/** Jobs, stages and tasks of a context, readable after the fact (Spark's status tracker / UI store). */
export class StatusStore {
  private readonly jobsById = new Map<number, JobInfo>();
  private readonly stagesByKey = new Map<string, StageInfo>();
  private readonly stageOrder: StageInfo[] = [];

  constructor(private readonly retainedJobs = 1000) {}

  addJob(job: JobInfo): void {
    this.jobsById.set(job.jobId, job);
    if (this.jobsById.size > this.retainedJobs) this.jobsById.delete(this.jobsById.keys().next().value!);
  }

  /** A stage may run again in a later job (for recompute); each run is recorded under its job. */
  addStage(jobId: number, stage: StageInfo): void {
    this.stagesByKey.set(`${jobId}:${stage.stageId}`, stage);
    this.stageOrder.push(stage);
  }

  jobs(): JobInfo[] {
    return Array.from(this.jobsById.values());
  }

  job(jobId: number): JobInfo | undefined {
    return this.jobsById.get(jobId);
  }

  lastJob(): JobInfo | undefined {
    let last: JobInfo | undefined;
    for (const j of this.jobsById.values()) last = j;
    return last;
  }

  /** Stages of a job, in the order they were submitted (skipped ones included). */
  stagesOfJob(jobId: number): StageInfo[] {
    const job = this.jobsById.get(jobId);
    if (!job) return [];
    return job.stageIds.map((id) => this.stagesByKey.get(`${jobId}:${id}`)).filter((s): s is StageInfo => !!s);
  }

  static sumTasks(tasks: TaskInfo[]): TaskMetrics {
    const m = emptyMetrics();
    for (const t of tasks) if (t.status === 'succeeded') addMetrics(m, t.metrics);
    return m;
  }
}
