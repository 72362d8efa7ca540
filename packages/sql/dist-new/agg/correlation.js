import { DoubleType } from '../types/data-types.js';
import { needNumeric, wrongArgs } from './arg-checks.js';
import { registerAggregate } from './aggregate-function.js';
function coMoment(name, finish) {
    return {
        name,
        resolve(argTypes) {
            if (argTypes.length !== 2)
                throw wrongArgs(name, '2 arguments');
            needNumeric(name, argTypes[0], 1);
            needNumeric(name, argTypes[1], 2);
            return { returnType: DoubleType, argTypes: [DoubleType, DoubleType] };
        },
        init: () => [0, 0, 0, 0, 0, 0],
        update(s, [xv, yv]) {
            if (xv === null || yv === null)
                return s;
            const x = xv;
            const y = yv;
            const n = s[0] + 1;
            const dx = x - s[1];
            const dy = y - s[2];
            const mx = s[1] + dx / n;
            const my = s[2] + dy / n;
            // In place: the state belongs to its group (no allocation per row).
            s[0] = n;
            s[1] = mx;
            s[2] = my;
            s[3] += dx * (y - my);
            s[4] += dx * (x - mx);
            s[5] += dy * (y - my);
            return s;
        },
        merge(a, b) {
            if (a[0] === 0)
                return b;
            if (b[0] === 0)
                return a;
            const n = a[0] + b[0];
            const dx = b[1] - a[1];
            const dy = b[2] - a[2];
            const w = (a[0] * b[0]) / n;
            return [n, a[1] + (dx * b[0]) / n, a[2] + (dy * b[0]) / n, a[3] + b[3] + dx * dy * w, a[4] + b[4] + dx * dx * w, a[5] + b[5] + dy * dy * w];
        },
        finish: (s) => (s[0] === 0 ? null : finish(s)),
    };
}
registerAggregate(coMoment('corr', (s) => {
    if (s[0] < 2)
        return null;
    const den = Math.sqrt(s[4] * s[5]);
    return den === 0 ? null : s[3] / den;
}));
registerAggregate(coMoment('covar_pop', (s) => s[3] / s[0]));
registerAggregate(coMoment('covar_samp', (s) => (s[0] < 2 ? null : s[3] / (s[0] - 1))));
//# sourceMappingURL=correlation.js.map