import { spawnSync } from 'node:child_process';
import { KindlingError } from '../../errors.js';
import { forEachRecord, parentOf } from '../compute.js';
import { registerOperator } from '../registry.js';

// Each element becomes one input line of the command; each output line becomes an element.
registerOperator('pipe', {
  forEach(node, split, tc, sink) {
    const { argv, env, checkCode } = node.params as { argv: string[]; env: Record<string, string>; checkCode: boolean };
    const lines: string[] = [];
    forEachRecord(parentOf(node), split, tc, (x) => lines.push(String(x)));
    const res = spawnSync(argv[0]!, argv.slice(1), {
      input: lines.length ? lines.join('\n') + '\n' : '',
      env: { ...process.env, ...env },
      maxBuffer: 1 << 30,
      encoding: 'utf8',
    });
    // A command may exit without reading all its input (head, false): that is its exit status speaking, not an
    // error of ours.
    if (res.error && (res.error as NodeJS.ErrnoException).code !== 'EPIPE') {
      throw new KindlingError('PIPE_COMMAND_FAILED', `pipe: cannot run '${argv.join(' ')}': ${res.error.message}`);
    }
    if (checkCode && res.status !== 0) {
      throw new KindlingError(
        'PIPE_COMMAND_FAILED',
        `pipe: '${argv.join(' ')}' exited with status ${res.status}${res.stderr ? `: ${res.stderr.trim().slice(0, 500)}` : ''}`,
      );
    }
    const out = res.stdout;
    let start = 0;
    while (start < out.length) {
      let nl = out.indexOf('\n', start);
      if (nl === -1) nl = out.length;
      sink(out.slice(start, nl));
      start = nl + 1;
    }
  },
});
