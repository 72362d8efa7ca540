import type { JobInfo, StageInfo } from '@kindling/core';

/** Durations as people read them: 850 ms, 1.3 s, 2 min 5 s. */
export function duration(ms: number | undefined): string {
  if (ms === undefined) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

function stageLine(s: StageInfo): string {
  const done = new Set(s.tasks.filter((t) => t.status === 'succeeded').map((t) => t.partition)).size;
  const failed = s.tasks.filter((t) => t.status === 'failed').length;
  const time = s.submissionTime !== undefined && s.completionTime !== undefined ? s.completionTime - s.submissionTime : undefined;
  const tasks = s.status === 'skipped' ? 'skipped (output reused)' : `${done}/${s.numTasks} tasks${failed ? `, ${failed} failed attempt${failed > 1 ? 's' : ''}` : ''}, ${duration(time)}`;
  return `Stage ${s.stageId} [${s.kind === 'result' ? 'result' : 'shuffle map'}] ${s.name} — ${s.status === 'skipped' ? tasks : `${s.status}, ${tasks}`}`;
}

/**
 * A job's stages as a text DAG, the final stage on top and the stages it reads from below it (as Spark's
 * toDebugString draws lineage): each line gives the stage's kind, where it was created, its status, tasks and time.
 */
export function renderJob(job: JobInfo, stages: StageInfo[]): string {
  const byId = new Map(stages.map((s) => [s.stageId, s]));
  const children = new Set(stages.flatMap((s) => s.parentStageIds));
  const roots = stages.filter((s) => !children.has(s.stageId));
  const lines = [`Job ${job.jobId} (${job.description}) — ${job.status}, ${stages.length} stage${stages.length === 1 ? '' : 's'}, ${duration(job.durationMs)}`];
  const seen = new Set<number>();
  const walk = (s: StageInfo, prefix: string, last: boolean, top: boolean) => {
    lines.push(top ? stageLine(s) : `${prefix}${last ? '└── ' : '├── '}${stageLine(s)}`);
    if (seen.has(s.stageId)) return;
    seen.add(s.stageId);
    const parents = s.parentStageIds.map((id) => byId.get(id)).filter((p): p is StageInfo => !!p);
    const next = top ? '' : prefix + (last ? '    ' : '│   ');
    parents.forEach((p, i) => walk(p, next, i === parents.length - 1, false));
  };
  for (const r of roots) walk(r, '', true, true);
  if (job.error) lines.push(`error: ${job.error.split('\n')[0]}`);
  return lines.join('\n');
}
