import { DoubleType } from '../types/data-types.js';
import { needNumeric, wrongArgs } from './arg-checks.js';
import { registerAggregate } from './aggregate-function.js';
function central(name, finish) {
    return {
        name,
        resolve(argTypes) {
            if (argTypes.length !== 1)
                throw wrongArgs(name, '1 argument');
            needNumeric(name, argTypes[0]);
            return { returnType: DoubleType, argTypes: [DoubleType] };
        },
        init: () => [0, 0, 0, 0, 0],
        update(s, [v]) {
            if (v === null)
                return s;
            const x = v;
            const n1 = s[0];
            const n = n1 + 1;
            const delta = x - s[1];
            const dn = delta / n;
            const dn2 = dn * dn;
            const term1 = delta * dn * n1;
            // In place (the state belongs to its group); m4 and m3 use the old lower moments, so they go first.
            s[4] += term1 * dn2 * (n * n - 3 * n + 3) + 6 * dn2 * s[2] - 4 * dn * s[3];
            s[3] += term1 * dn * (n - 2) - 3 * dn * s[2];
            s[2] += term1;
            s[1] += dn;
            s[0] = n;
            return s;
        },
        merge(a, b) {
            if (a[0] === 0)
                return b;
            if (b[0] === 0)
                return a;
            const [na, , m2a, m3a, m4a] = a;
            const [nb, , m2b, m3b, m4b] = b;
            const n = na + nb;
            const d = b[1] - a[1];
            const d2 = d * d;
            const m2 = m2a + m2b + (d2 * na * nb) / n;
            const m3 = m3a + m3b + (d2 * d * na * nb * (na - nb)) / (n * n) + (3 * d * (na * m2b - nb * m2a)) / n;
            const m4 = m4a +
                m4b +
                (d2 * d2 * na * nb * (na * na - na * nb + nb * nb)) / (n * n * n) +
                (6 * d2 * (na * na * m2b + nb * nb * m2a)) / (n * n) +
                (4 * d * (na * m3b - nb * m3a)) / n;
            return [n, a[1] + (d * nb) / n, m2, m3, m4];
        },
        finish: (s) => (s[0] === 0 || s[2] === 0 ? null : finish(s)),
    };
}
registerAggregate(central('skewness', (s) => (Math.sqrt(s[0]) * s[3]) / Math.sqrt(s[2] * s[2] * s[2])));
registerAggregate(central('kurtosis', (s) => (s[0] * s[4]) / (s[2] * s[2]) - 3));
//# sourceMappingURL=moments.js.map