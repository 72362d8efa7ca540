import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where the shell keeps its history: KINDLING_HISTORY, or ~/.kindling_history. An empty KINDLING_HISTORY keeps none. */
export function historyPath(env: NodeJS.ProcessEnv = process.env): string | null {
  const v = env.KINDLING_HISTORY;
  if (v !== undefined) return v.trim() === '' ? null : v;
  return join(homedir(), '.kindling_history');
}
