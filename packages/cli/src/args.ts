import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './errors.js';

/** Options every engine command takes. */
export const ENGINE_OPTIONS = {
  master: { type: 'string' },
  conf: { type: 'string', multiple: true },
  'no-progress': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

export interface EngineArgs {
  master: string;
  conf: Map<string, string>;
  progress: boolean;
}

/** parseArgs with errors written for users (and exit status 2). */
export function parse<O extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  args: string[],
  options: O,
): ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    const msg = (e as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new CliError('INVALID_ARGUMENT', `kindling ${command}: ${msg}. See 'kindling ${command} --help'.`);
  }
}

/** `--conf key=value` pairs, as spark-submit's. */
export function keyValues(flag: string, items: string[] | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const item of items ?? []) {
    const i = item.indexOf('=');
    if (i <= 0) throw new CliError('INVALID_ARGUMENT', `${flag} expects key=value, got '${item}'.`);
    out.set(item.slice(0, i).trim(), item.slice(i + 1));
  }
  return out;
}

export function engineArgs(values: { master?: string; conf?: string[]; 'no-progress'?: boolean }, defaultMaster = 'local[*]'): EngineArgs {
  const master = values.master ?? defaultMaster;
  if (!/^local(\[(\d+|\*)\])?$/.test(master)) {
    throw new CliError('INVALID_MASTER', `--master '${master}' is not a master URL; use local, local[N] or local[*].`);
  }
  return { master, conf: keyValues('--conf', values.conf), progress: !values['no-progress'] };
}
