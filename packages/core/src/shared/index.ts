/** Shared variables: broadcast variables and accumulators. See docs/SHARED-VARIABLES.md. */
export { Broadcast, broadcastDeserializations, type BroadcastLoad } from './broadcast.js';
export { AccumulatorV2, LongAccumulator, DoubleAccumulator, CollectionAccumulator } from './accumulator.js';
