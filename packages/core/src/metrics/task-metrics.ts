/** What one task attempt did. Summed per stage and per job by the status store. */
export interface TaskMetrics {
  /** Records and bytes read from input files (textFile, wholeTextFiles). */
  recordsRead: number;
  bytesRead: number;
  /** Records and bytes written to output files (saveAsTextFile). */
  recordsWritten: number;
  bytesWritten: number;
  shuffleRecordsWritten: number;
  shuffleBytesWritten: number;
  shuffleRecordsRead: number;
  shuffleBytesRead: number;
  /** Records produced by the stage's last RDD in this task. */
  outputRecords: number;
  /** Estimated in-memory size of the data spilled to disk, and the bytes written for it (Spark's names). */
  memoryBytesSpilled: number;
  diskBytesSpilled: number;
  /** The most execution memory (shuffle, aggregation and sort buffers) the task held at once. */
  peakExecutionMemory: number;
}

export function emptyMetrics(): TaskMetrics {
  return {
    recordsRead: 0,
    bytesRead: 0,
    recordsWritten: 0,
    bytesWritten: 0,
    shuffleRecordsWritten: 0,
    shuffleBytesWritten: 0,
    shuffleRecordsRead: 0,
    shuffleBytesRead: 0,
    outputRecords: 0,
    memoryBytesSpilled: 0,
    diskBytesSpilled: 0,
    peakExecutionMemory: 0,
  };
}

export function addMetrics(into: TaskMetrics, m: TaskMetrics): TaskMetrics {
  for (const k of Object.keys(into) as (keyof TaskMetrics)[]) into[k] += m[k];
  return into;
}
