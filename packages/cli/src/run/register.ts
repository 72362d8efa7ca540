// Preloaded with --import into `kindling run` scripts and, through the inherited execArgv, into every worker thread.
// tsx's API is called directly: its side-effect entry (`tsx/esm`) registers only on the main thread on Node 20,
// and the workers need the loader too (moduleFunction may point at a .ts module).
import { register } from 'node:module';
import { register as registerTsx } from 'tsx/esm/api';

registerTsx();
register('./resolve-hooks.js', import.meta.url);
