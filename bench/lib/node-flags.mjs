// Node's own arguments for a peer's process. Kindling's are the engine's V8 flags (core's NODE_FLAGS), which the
// kindling command starts its processes with: the benchmark runs the engine as its users' programs run.
import { NODE_FLAGS } from '@kindling/core';

export const nodeFlagsOf = (peer) => (peer.startsWith('kindling') ? [...NODE_FLAGS] : []);
