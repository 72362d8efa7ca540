import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';

const { Terminal } = xterm as unknown as typeof import('@xterm/headless');

/**
 * A program running in a real pseudo-terminal, with a headless xterm rendering what it prints, so tests read the
 * screen a person would see (after line editing, completion and cursor moves), not the raw escape codes.
 */
export class TerminalSession {
  private readonly term: InstanceType<typeof Terminal>;
  private readonly proc: pty.IPty;
  private raw = '';
  exitCode: number | null = null;
  private readonly exited: Promise<number>;

  constructor(file: string, args: string[], opts: { cwd?: string; env?: Record<string, string>; cols?: number; rows?: number } = {}) {
    const cols = opts.cols ?? 120;
    const rows = opts.rows ?? 50;
    this.term = new Terminal({ cols, rows, allowProposedApi: true, scrollback: 5000 });
    this.proc = pty.spawn(file, args, {
      name: 'xterm-256color',
      cols,
      rows,
      cwd: opts.cwd ?? process.cwd(),
      env: { ...(process.env as Record<string, string>), NO_COLOR: '1', ...opts.env },
    });
    this.proc.onData((d) => {
      this.raw += d;
      this.term.write(d);
    });
    this.exited = new Promise((res) =>
      this.proc.onExit(({ exitCode }) => {
        this.exitCode = exitCode;
        res(exitCode);
      }),
    );
  }

  /** Keys as typed: '\r' is Enter, '\t' Tab, '\x03' Ctrl-C, '\x04' Ctrl-D, '\x1b[A' Up. */
  type(keys: string): void {
    this.proc.write(keys);
  }

  /** The screen's text, all lines including scrollback, trailing spaces trimmed. */
  screen(): string {
    const buf = this.term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < buf.length; i++) lines.push(buf.getLine(i)?.translateToString(true) ?? '');
    while (lines.length && lines.at(-1) === '') lines.pop();
    return lines.join('\n');
  }

  /** Everything the program wrote, raw. */
  output(): string {
    return this.raw;
  }

  /** Waits until the screen shows `what` (a string or pattern), after position `after` of the screen text. */
  async waitFor(what: string | RegExp, opts: { timeoutMs?: number; after?: number } = {}): Promise<string> {
    const deadline = Date.now() + (opts.timeoutMs ?? 20_000);
    for (;;) {
      await new Promise((r) => setTimeout(r, 25));
      // xterm parses asynchronously: flush before reading
      await new Promise<void>((r) => this.term.write('', r));
      const text = this.screen().slice(opts.after ?? 0);
      if (typeof what === 'string' ? text.includes(what) : what.test(text)) return text;
      if (Date.now() > deadline || this.exitCode !== null) {
        throw new Error(`Timed out waiting for ${String(what)}. Screen:\n${this.screen()}`);
      }
    }
  }

  /** Length of the screen text now: pass as `after` to wait only for what comes next. */
  mark(): number {
    return this.screen().length;
  }

  async exit(timeoutMs = 10_000): Promise<number> {
    const t = setTimeout(() => this.proc.kill(), timeoutMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(t);
    }
  }

  kill(): void {
    if (this.exitCode === null) this.proc.kill();
  }
}
