import { KeyMap } from '@kindling/core';
import type { AggregateFunction } from '../../agg/aggregate-function.js';
import type { DataType } from '../../types/data-types.js';
import type { Vec } from '../../eval/vec.js';
import { buildVec, valueAt } from '../vec-ops.js';

/**
 * Aggregates without a columnar form (and DISTINCT aggregates, which keep their distinct argument tuples until
 * after the shuffle): one JS state per group id, through the function's update/merge/finish. Their partial
 * states cross the shuffle as plain values next to the Arrow batch of keys and columnar states.
 */
export class GenericStates {
  private readonly states: unknown[] = [];

  constructor(
    private readonly f: AggregateFunction,
    private readonly distinct: boolean,
  ) {}

  private init(): unknown {
    return this.distinct ? [] : this.f.init();
  }

  update(gids: Int32Array, n: number, args: Vec[]): void {
    const { f, states } = this;
    for (let r = 0; r < n; r++) {
      const g = gids[r]!;
      const row = args.map((a) => valueAt(a, r));
      const s = states[g] ?? this.init();
      if (this.distinct) {
        (s as unknown[][]).push(row);
        states[g] = s;
      } else states[g] = f.update(s, row);
    }
  }

  merge(gids: Int32Array, n: number, parts: unknown[]): void {
    const { f, states } = this;
    for (let r = 0; r < n; r++) {
      const g = gids[r]!;
      const s = states[g];
      states[g] = s === undefined ? parts[r] : this.distinct ? (s as unknown[][]).concat(parts[r] as unknown[][]) : f.merge(s, parts[r]);
    }
  }

  statesOf(order: ArrayLike<number>): unknown[] {
    return Array.from(order, (g) => this.states[g] ?? this.init());
  }

  finish(order: ArrayLike<number>, type: DataType): Vec {
    const f = this.f;
    const out = Array.from(order, (g) => {
      const s = this.states[g] ?? this.init();
      if (!this.distinct) return f.finish(s);
      const seen = new KeyMap<true>();
      let st = f.init();
      for (const row of s as unknown[][]) {
        if (seen.has(row)) continue;
        seen.set(row, true);
        st = f.update(st, row);
      }
      return f.finish(st);
    });
    return buildVec(type, out.map((v) => v ?? null));
  }
}
