import { deserialize, serialize } from 'node:v8';
import { preloadModules } from '../closure/index.js';
import { loadParams, moduleUrlsIn } from '../lineage/fn-param.js';
import type { PartitionerSpec } from '../partitioner/partitioner.js';
import type { AggregatorSpec } from '../shuffle/aggregator.js';
import type { LiveDep, LiveNode } from './live-node.js';
import type { ResultSpec } from './result-actions.js';

/** An RDD of the stage, as plain data. Shuffle dependencies are cut: only their ids cross. */
export interface NodeSpec {
  id: number;
  kind: string;
  params: unknown;
  deps: ({ node: number } | { shuffle: number })[];
  persist?: boolean;
}

export type StageTaskSpec =
  | { type: 'shuffleMap'; shuffleId: number; partitioner: PartitionerSpec; aggregator: AggregatorSpec | null; mapSideCombine: boolean }
  | { type: 'result'; action: ResultSpec };

/** Everything a task of one stage needs except its own partition: serialized once per stage and shared. */
export interface StageBinary {
  nodes: NodeSpec[];
  rootId: number;
  task: StageTaskSpec;
}

export interface LoadedStage {
  root: LiveNode;
  task: any;
}

/** Bytes in shared memory: every worker reads the same copy. */
export function encodeStageBinary(b: StageBinary): SharedArrayBuffer {
  const bytes = serialize(b);
  const shared = new SharedArrayBuffer(bytes.length);
  new Uint8Array(shared).set(bytes);
  return shared;
}

/** Rebuilds the stage on the current thread: imports referenced modules, then loads every function. */
export async function loadStageBinary(shared: SharedArrayBuffer): Promise<LoadedStage> {
  const b = deserialize(new Uint8Array(shared)) as StageBinary;
  const urls = moduleUrlsIn(b.task);
  for (const n of b.nodes) moduleUrlsIn(n.params, urls);
  if (urls.size) await preloadModules(urls);
  const live = new Map<number, LiveNode>();
  for (const n of b.nodes) {
    const deps: LiveDep[] = n.deps.map((d) => ('node' in d ? { node: live.get(d.node)! } : { shuffleId: d.shuffle }));
    live.set(n.id, { id: n.id, kind: n.kind, params: loadParams(n.params), deps, persist: n.persist });
  }
  return { root: live.get(b.rootId)!, task: loadParams(b.task) };
}
