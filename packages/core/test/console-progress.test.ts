import { describe, expect, it } from 'vitest';
import { ConsoleProgressBar, Context, EventBus, type StageInfo, type TaskInfo } from '../src/index.js';

function terminal(columns = 60) {
  const writes: string[] = [];
  return { stream: { isTTY: true, columns, write: (s: string) => writes.push(s) }, writes };
}

function stage(stageId: number, numTasks: number): StageInfo {
  return {
    stageId,
    name: `collect at x.ts:${stageId}`,
    kind: 'result',
    rddIds: [],
    parentStageIds: [],
    numTasks,
    attempt: 0,
    status: 'running',
    tasks: [],
    metrics: {} as StageInfo['metrics'],
  };
}

function taskEnd(stageId: number, status: TaskInfo['status'] = 'succeeded'): { task: TaskInfo } {
  return { task: { stageId, partition: 0, attempt: 0, status, executor: 'driver', startTime: 0, metrics: {} as TaskInfo['metrics'] } };
}

const job = { jobId: 0, description: 'x', status: 'running' as const, stageIds: [], submissionTime: 0, taskRetries: 0, fetchFailures: 0, cacheRecomputations: 0, speculativeTasks: 0 };

describe('ConsoleProgressBar', () => {
  it("draws Spark's bar once a stage has run longer than the first delay, and erases it at job end", () => {
    const bus = new EventBus();
    const { stream, writes } = terminal(41);
    let now = 0;
    const bar = new ConsoleProgressBar(bus, { stream, now: () => now, updateIntervalMs: 0 });
    bus.emit('jobStart', { job });
    bus.emit('stageSubmitted', { stage: stage(3, 12) });
    for (let i = 0; i < 7; i++) bus.emit('taskStart', { stageId: 3, partition: i, attempt: 0 });
    for (let i = 0; i < 5; i++) bus.emit('taskEnd', taskEnd(3));
    expect(writes).toEqual([]); // younger than 500 ms: nothing yet
    now = 600;
    bar.refresh();
    // width 40 (one short of the terminal): header 9, tail 13, 18 columns of bar, 5/12 of them done
    expect(writes.at(-1)).toBe('\r[Stage 3:=======>          (5 + 2) / 12]\r');
    expect(bar.render().length).toBe(40);
    bus.emit('taskEnd', taskEnd(3, 'failed'));
    expect(writes.at(-1)).toBe('\r[Stage 3:=======>          (5 + 1) / 12]\r');
    bus.emit('jobEnd', { job });
    expect(writes.at(-1)).toBe('\r\x1b[K');
    bar.stop();
  });

  it('shows concurrent stages side by side, at most three', () => {
    const bus = new EventBus();
    const { stream } = terminal(81);
    const bar = new ConsoleProgressBar(bus, { stream, now: () => 1000, firstDelayMs: 0, updateIntervalMs: 0 });
    bus.emit('jobStart', { job });
    for (const id of [1, 2, 3, 4]) bus.emit('stageSubmitted', { stage: stage(id, 4) });
    bus.emit('taskEnd', taskEnd(2));
    const text = bar.render();
    expect(text.match(/\[Stage \d:/g)).toEqual(['[Stage 1:', '[Stage 2:', '[Stage 3:']);
    expect(text).toContain('(1 + 0) / 4]');
    bus.emit('stageCompleted', { stage: stage(1, 4) });
    expect(bar.render()).not.toContain('[Stage 1:');
    expect(bar.render()).toContain('[Stage 4:');
    bar.stop();
  });

  it('draws nothing when the stream is not a terminal or when the predicate says off', () => {
    const drawn = (isTTY: boolean, enabled: boolean) => {
      const out: string[] = [];
      const bus = new EventBus();
      const stream = { isTTY, write: (t: string) => out.push(t) };
      const bar = new ConsoleProgressBar(bus, { stream, enabled: () => enabled, firstDelayMs: 0, updateIntervalMs: 0 });
      bus.emit('jobStart', { job });
      bus.emit('stageSubmitted', { stage: stage(0, 2) });
      bus.emit('taskEnd', taskEnd(0));
      bus.emit('jobEnd', { job });
      bar.stop();
      return out.length;
    };
    expect(drawn(true, true)).toBeGreaterThan(0);
    expect(drawn(false, true)).toBe(0);
    expect(drawn(true, false)).toBe(0);
  });

  it("follows a real context's jobs", async () => {
    const { stream, writes } = terminal();
    const sc = new Context({ master: 'local', showConsoleProgress: { stream, firstDelayMs: 0, updateIntervalMs: 0 } });
    try {
      expect(await sc.parallelize([1, 2, 3, 4], 4).map((x) => [x % 2, x] as [number, number]).reduceByKey((a, b) => a + b).count()).toBe(2);
      const drawn = writes.filter((w) => w.includes('[Stage'));
      expect(drawn.some((w) => w.includes('/ 4]'))).toBe(true);
      expect(writes.at(-1)).toBe('\r\x1b[K'); // erased at the end
    } finally {
      await sc.stop();
    }
  });
});
