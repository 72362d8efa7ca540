import type { EventBus } from './events.js';

/** Where the bar is drawn: a terminal stream (process.stderr) or anything with the same shape (tests). */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ConsoleProgressOptions {
  /** Default process.stderr. Nothing is drawn unless the stream is a TTY. */
  stream?: ProgressStream;
  /** A stage appears once it has run this long (Spark: 500 ms), so quick jobs print nothing. */
  firstDelayMs?: number;
  /** Redraw period while stages run (Spark: 200 ms). 0 turns the timer off; events still redraw. */
  updateIntervalMs?: number;
  /** Checked at each job start: lets a configuration key turn the bar off and on while a program runs. */
  enabled?: () => boolean;
  /** The clock, for tests. */
  now?: () => number;
}

interface StageProgress {
  stageId: number;
  numTasks: number;
  active: number;
  completed: number;
  submitted: number;
}

/** Spark shows at most three stages side by side. */
const MAX_STAGES = 3;

/**
 * Spark's console progress bar, `[Stage 3:=======>        (5 + 2) / 12]`, drawn on one line of stderr and
 * erased when the job ends. It only listens to the scheduler's event bus, so it works for RDD, DataFrame and SQL
 * jobs alike, in any program that turns it on.
 */
export class ConsoleProgressBar {
  private readonly stream: ProgressStream;
  private readonly firstDelayMs: number;
  private readonly updateIntervalMs: number;
  private readonly enabled: () => boolean;
  private readonly now: () => number;
  private readonly stages = new Map<number, StageProgress>();
  private readonly off: (() => void)[] = [];
  private runningJobs = 0;
  private active = false;
  private timer: ReturnType<typeof setInterval> | null = null;
  private lastBar = '';
  private lastDraw = 0;

  constructor(events: EventBus, options: ConsoleProgressOptions = {}) {
    this.stream = options.stream ?? process.stderr;
    this.firstDelayMs = options.firstDelayMs ?? 500;
    this.updateIntervalMs = options.updateIntervalMs ?? 200;
    this.enabled = options.enabled ?? (() => true);
    this.now = options.now ?? Date.now;
    this.off.push(
      events.on('jobStart', () => {
        if (this.runningJobs++ === 0) this.active = this.stream.isTTY === true && this.enabled();
        if (this.active) this.startTimer();
      }),
      events.on('stageSubmitted', ({ stage }) => {
        this.stages.set(stage.stageId, { stageId: stage.stageId, numTasks: stage.numTasks, active: 0, completed: 0, submitted: this.now() });
      }),
      events.on('taskStart', ({ stageId }) => {
        const s = this.stages.get(stageId);
        if (s) s.active++;
        this.refresh();
      }),
      events.on('taskEnd', ({ task }) => {
        const s = this.stages.get(task.stageId);
        if (!s) return;
        s.active = Math.max(0, s.active - 1);
        if (task.status === 'succeeded') s.completed = Math.min(s.numTasks, s.completed + 1);
        this.refresh();
      }),
      events.on('stageCompleted', ({ stage }) => {
        this.stages.delete(stage.stageId);
        this.refresh();
      }),
      events.on('jobEnd', () => {
        if (--this.runningJobs > 0) return;
        this.runningJobs = 0;
        this.stages.clear();
        this.stopTimer();
        this.clear();
      }),
    );
  }

  /** The bar for the stages running now, or '' when none has run longer than the first delay. */
  render(width = this.width()): string {
    const now = this.now();
    const shown = [...this.stages.values()]
      .filter((s) => now - s.submitted >= this.firstDelayMs)
      .sort((a, b) => a.stageId - b.stageId)
      .slice(0, MAX_STAGES);
    if (shown.length === 0) return '';
    const each = Math.floor(width / shown.length);
    return shown
      .map((s) => {
        const header = `[Stage ${s.stageId}:`;
        const tail = `(${s.completed} + ${s.active}) / ${s.numTasks}]`;
        const w = each - header.length - tail.length;
        let bar = '';
        if (w > 0) {
          const done = s.numTasks > 0 ? Math.floor((w * s.completed) / s.numTasks) : w;
          for (let i = 0; i < w; i++) bar += i < done ? '=' : i === done ? '>' : ' ';
        }
        return header + bar + tail;
      })
      .join('');
  }

  /** Redraws when the bar changed (or every minute, so an idle connection sees output). */
  refresh(): void {
    if (!this.active) return;
    const bar = this.render();
    const now = this.now();
    if (bar === '' && this.lastBar === '') return;
    if (bar !== this.lastBar || now - this.lastDraw > 60_000) {
      if (bar === '') this.clear();
      else this.stream.write('\r' + bar + '\r');
      this.lastDraw = now;
    }
    this.lastBar = bar;
  }

  /** Erases the bar (carriage return, erase to the end of the line), e.g. before the program prints a result. */
  clear(): void {
    if (this.lastBar === '') return;
    this.stream.write('\r\x1b[K');
    this.lastBar = '';
  }

  /** Stops listening and erases the bar. */
  stop(): void {
    for (const f of this.off) f();
    this.off.length = 0;
    this.stopTimer();
    this.clear();
  }

  private width(): number {
    // One column short of the terminal, so drawing the last column never wraps the line.
    return Math.max(20, (this.stream.columns ?? 80) - 1);
  }

  private startTimer(): void {
    if (this.timer || this.updateIntervalMs <= 0) return;
    this.timer = setInterval(() => this.refresh(), this.updateIntervalMs);
    this.timer.unref?.();
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

/** The default of ContextOptions.showConsoleProgress: KINDLING_CONSOLE_PROGRESS=1 (or true) turns the bar on. */
export function consoleProgressFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  const v = env.KINDLING_CONSOLE_PROGRESS?.trim().toLowerCase();
  return v === '1' || v === 'true';
}
