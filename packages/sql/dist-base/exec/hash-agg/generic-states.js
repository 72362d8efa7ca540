import { KeyMap } from '@kindling/core';
import { buildVec, valueAt } from '../vec-ops.js';
/**
 * Aggregates without a columnar form (and DISTINCT aggregates, which keep their distinct argument tuples until
 * after the shuffle): one JS state per group id, through the function's update/merge/finish. Their partial
 * states cross the shuffle as plain values next to the Arrow batch of keys and columnar states.
 */
export class GenericStates {
    f;
    distinct;
    states = [];
    constructor(f, distinct) {
        this.f = f;
        this.distinct = distinct;
    }
    init() {
        return this.distinct ? [] : this.f.init();
    }
    update(gids, n, args) {
        const { f, states } = this;
        for (let r = 0; r < n; r++) {
            const g = gids[r];
            const row = args.map((a) => valueAt(a, r));
            const s = states[g] ?? this.init();
            if (this.distinct) {
                s.push(row);
                states[g] = s;
            }
            else
                states[g] = f.update(s, row);
        }
    }
    merge(gids, n, parts) {
        const { f, states } = this;
        for (let r = 0; r < n; r++) {
            const g = gids[r];
            const s = states[g];
            states[g] = s === undefined ? parts[r] : this.distinct ? s.concat(parts[r]) : f.merge(s, parts[r]);
        }
    }
    statesOf(order) {
        return Array.from(order, (g) => this.states[g] ?? this.init());
    }
    finish(order, type) {
        const f = this.f;
        const out = Array.from(order, (g) => {
            const s = this.states[g] ?? this.init();
            if (!this.distinct)
                return f.finish(s);
            const seen = new KeyMap();
            let st = f.init();
            for (const row of s) {
                if (seen.has(row))
                    continue;
                seen.set(row, true);
                st = f.update(st, row);
            }
            return f.finish(st);
        });
        return buildVec(type, out.map((v) => v ?? null));
    }
}
//# sourceMappingURL=generic-states.js.map