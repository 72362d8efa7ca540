import type { Operator } from './live-node.js';

export const OPERATORS = new Map<string, Operator>();

export function registerOperator(kind: string, op: Operator): void {
  OPERATORS.set(kind, op);
}
