import { Session } from '@kindling/sql';
import type { EngineArgs } from './args.js';

export const PROGRESS_KEY = 'spark.ui.showConsoleProgress';

/**
 * The session a command runs on. The progress bar is on unless `--no-progress` or `--conf
 * spark.ui.showConsoleProgress=false` says otherwise (it only ever draws when stderr is a terminal).
 */
export function openSession(args: EngineArgs, appName: string): Session {
  const builder = Session.builder().master(args.master).appName(appName);
  for (const [k, v] of args.conf) builder.config(k, v);
  if (!args.progress) builder.config(PROGRESS_KEY, 'false');
  else if (!args.conf.has(PROGRESS_KEY)) builder.config(PROGRESS_KEY, 'true');
  return builder.getOrCreate();
}
