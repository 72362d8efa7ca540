import type { StageInfo } from '@kindling/core';
import type { Session } from '@kindling/sql';

/** Runs `f` under the given session settings (removed afterwards), with the stages its jobs ran. */
export async function runUnder<T>(spark: Session, conf: Record<string, string>, f: () => Promise<T>): Promise<{ value: T; stages: StageInfo[] }> {
  for (const [k, v] of Object.entries(conf)) spark.conf.set(k, v);
  const stages: StageInfo[] = [];
  const off = spark.sparkContext.events.on('stageCompleted', ({ stage }) => stages.push(stage));
  try {
    return { value: await f(), stages };
  } finally {
    off();
    for (const k of Object.keys(conf)) spark.conf.delete(k);
  }
}
