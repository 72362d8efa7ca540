import type { Bound } from '../eval/bound.js';

export function splitConjuncts(b: Bound): Bound[] {
  return b.kind === 'binary' && b.op === 'and' ? [...splitConjuncts(b.left), ...splitConjuncts(b.right)] : [b];
}

export function andAll(bs: Bound[]): Bound | null {
  return bs.length ? bs.reduce((a, b) => ({ kind: 'binary', op: 'and', left: a, right: b, type: 'boolean' })) : null;
}
