import type { ResolvedPlan } from '../analysis/resolved.js';
import { estimateBytes } from '../plan/estimate-bytes.js';
import { guessSelectivity } from '../plan/selectivity.js';

export { guessSelectivity };

/*
 * What ReorderJoin knows, without statistics, about how many rows each leaf of a join tree gives: its size in
 * bytes as the planner estimates it for broadcasting (file sizes, in-memory data), and a guessed share of rows its
 * filters keep (Spark's FilterEstimation defaults in spirit: an equality keeps few rows, a range half). The guesses
 * only rank leaves against each other; nothing depends on them being right beyond the join order.
 */

/** The planner's estimate, and a semi/anti join's left side (its output is at most that: Spark's size visitor). */
export function leafBytes(p: ResolvedPlan): number {
  if (p.kind === 'filter' || p.kind === 'project') return leafBytes(p.child);
  if (p.kind === 'join' && (p.how === 'left_semi' || p.how === 'left_anti')) return leafBytes(p.left);
  return estimateBytes(p);
}

/** Guessed share of its input rows a leaf keeps: its filters', a semi/anti join's half. 1 when nothing filters. */
export function selectivity(p: ResolvedPlan): number {
  if (p.kind === 'filter') return guessSelectivity(p.condition) * selectivity(p.child);
  if (p.kind === 'project') return selectivity(p.child);
  if (p.kind === 'join' && (p.how === 'left_semi' || p.how === 'left_anti')) return 0.5 * selectivity(p.left);
  return 1;
}

/**
 * The leaves behind `x`: reached from it through equalities, each no bigger than the one it is reached from, and
 * only through unfiltered ones (a filtered leaf ends its path). In the order found, each with the leaf it was
 * reached from; `x` itself not included.
 */
function behind(x: number, remaining: number[], bytes: number[], sel: number[], equiEdge: (x: number, y: number) => boolean) {
  const parent = new Map<number, number>();
  const order: number[] = [];
  const stack = [x];
  while (stack.length) {
    const u = stack.pop()!;
    for (const y of remaining) {
      if (y === x || parent.has(y) || !(bytes[y]! <= bytes[u]!) || !equiEdge(u, y)) continue;
      parent.set(y, u);
      order.push(y);
      if (sel[y] === 1) stack.push(y); // only an unfiltered leaf leads further
    }
  }
  return { order, parent };
}

/**
 * The next leaf to join, among `keyed` (those an equality connects to the leaves joined so far, so the join has
 * hash keys): the one that cuts the stream of rows most. A filtered leaf cuts by its selectivity; an unfiltered
 * one is worth what the filtered leaves behind it are, reached through equalities towards smaller leaves
 * (lineitem ⋈ supplier is worth joining early when supplier leads to a filtered nation, as in TPC-H Q5, Q7 and
 * Q21). Ties go to the smaller leaf (cheaper to build, and more likely to be broadcast), then to FROM order.
 * Undefined when no leaf is keyed.
 */
export function pickNext(
  keyed: number[],
  remaining: number[],
  bytes: number[],
  sel: number[],
  equiEdge: (x: number, y: number) => boolean,
): number | undefined {
  const worth = (x: number) => (sel[x]! < 1 ? sel[x]! : behind(x, remaining, bytes, sel, equiEdge).order.reduce((w, y) => w * sel[y]!, 1));
  let best: number | undefined;
  let bestWorth = Infinity;
  for (const x of keyed) {
    const w = worth(x);
    if (best === undefined || w < bestWorth || (w === bestWorth && bytes[x]! < bytes[best]!)) {
      best = x;
      bestWorth = w;
    }
  }
  return best;
}

/** Spark's default broadcast threshold: a dimension chain is built only of leaves this small. */
const SMALL_LEAF_BYTES = 10 * 1024 * 1024;

/**
 * `x` and the small filtered leaves its worth comes from (pickNext), with the unfiltered ones leading to them, in
 * an order each is connected to one before it: supplier, nation, region for TPC-H Q05. Joined together first, they
 * are one build side the fact table probes once (and the planner broadcasts it: estimate-bytes takes such a chain
 * to be no bigger than its first leaf), instead of a probe per leaf over all of lineitem. Just [x] when nothing
 * filtered is behind it or when a leaf of the chain is not small; for a filtered x, x and the filtered leaves
 * next to it.
 */
export function dimensionChain(x: number, remaining: number[], bytes: number[], sel: number[], equiEdge: (x: number, y: number) => boolean): number[] {
  if (sel[x]! < 1) {
    // filtered, with filtered smaller leaves next to it (TPC-H Q03: orders and customer): joined first as well,
    // broadcast or not; (orders ⋈ customer) is no bigger than orders, lineitem ⋈ orders is bigger.
    const next = remaining.filter((y) => y !== x && sel[y]! < 1 && bytes[y]! <= bytes[x]! && equiEdge(x, y));
    return [x, ...next];
  }
  if (!(bytes[x]! <= SMALL_LEAF_BYTES)) return [x];
  const { order, parent } = behind(x, remaining, bytes, sel, equiEdge);
  // keep the filtered leaves and the leaves on their way from x
  const keep = new Set([x]);
  for (const y of order) {
    if (sel[y]! >= 1) continue;
    for (let z: number | undefined = y; z !== undefined && !keep.has(z); z = parent.get(z)) keep.add(z);
  }
  const chain = [x, ...order.filter((y) => keep.has(y))];
  return chain.length > 1 && chain.every((y) => bytes[y]! <= SMALL_LEAF_BYTES) ? chain : [x];
}
