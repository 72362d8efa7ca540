const BUFFER = 8192;
const order = (a, b) => a < b ? -1 : a > b ? 1 : a === b ? 0 : typeof a === 'number' && Number.isNaN(a) ? (typeof b === 'number' && Number.isNaN(b) ? 0 : 1) : -1;
export function gkInit() {
    return { eps: 1e-4, n: 0, v: [], g: [], d: [], buf: [], p: null };
}
export function gkUpdate(s, x) {
    s.buf.push(x);
    s.n++;
    if (s.buf.length >= BUFFER)
        flushInto(s);
    return s;
}
/** Merges two sample lists; a sample's rank in the other list is known only up to that list's next sample. */
function mergeSamples(a, b) {
    const v = [];
    const g = [];
    const d = [];
    let i = 0;
    let j = 0;
    while (i < a.v.length || j < b.v.length) {
        const fromA = j >= b.v.length || (i < a.v.length && order(a.v[i], b.v[j]) <= 0);
        if (fromA) {
            v.push(a.v[i]);
            g.push(a.g[i]);
            d.push(a.d[i] + (j < b.v.length ? b.g[j] + b.d[j] - 1 : 0));
            i++;
        }
        else {
            v.push(b.v[j]);
            g.push(b.g[j]);
            d.push(b.d[j] + (i < a.v.length ? a.g[i] + a.d[i] - 1 : 0));
            j++;
        }
    }
    return { v, g, d };
}
/** Folds neighbours together while the merged sample still meets the g + d bound (the first sample stays). */
function compress(s, eps, n) {
    const limit = Math.floor(2 * eps * n);
    const len = s.v.length;
    if (len <= 2)
        return s;
    const v = [];
    const g = [];
    const d = [];
    let hv = s.v[len - 1];
    let hg = s.g[len - 1];
    let hd = s.d[len - 1];
    for (let i = len - 2; i >= 1; i--) {
        if (s.g[i] + hg + hd < limit)
            hg += s.g[i];
        else {
            v.push(hv);
            g.push(hg);
            d.push(hd);
            hv = s.v[i];
            hg = s.g[i];
            hd = s.d[i];
        }
    }
    v.push(hv, s.v[0]);
    g.push(hg, s.g[0]);
    d.push(hd, s.d[0]);
    return { v: v.reverse(), g: g.reverse(), d: d.reverse() };
}
function buffered(s) {
    const sorted = s.buf.slice().sort(order);
    return { v: sorted, g: sorted.map(() => 1), d: sorted.map(() => 0) };
}
function flushed(s) {
    if (s.buf.length === 0)
        return s;
    return compress(mergeSamples(s, buffered(s)), s.eps, s.n);
}
function flushInto(s) {
    const f = flushed(s);
    s.v = f.v;
    s.g = f.g;
    s.d = f.d;
    s.buf = [];
}
export function gkMerge(a, b) {
    if (b.n === 0)
        return a.p === null ? { ...a, p: b.p, eps: b.p === null ? a.eps : b.eps } : a;
    if (a.n === 0)
        return b.p === null ? { ...b, p: a.p, eps: a.eps } : b;
    const eps = Math.max(a.eps, b.eps);
    const n = a.n + b.n;
    const merged = compress(mergeSamples(flushed(a), flushed(b)), eps, n);
    return { eps, n, ...merged, buf: [], p: a.p ?? b.p };
}
/**
 * The samples answering each percentage: rank r = ceil(p * n) (at least 1), and the first sample whose rank range
 * is within the summary's error of r. Does not change the state (window frames finish a growing state).
 */
export function gkFinish(s, ps) {
    const f = flushed(s);
    let maxGap = 0;
    for (let i = 0; i < f.v.length; i++)
        maxGap = Math.max(maxGap, f.g[i] + f.d[i]);
    const err = Math.floor(maxGap / 2);
    return ps.map((p) => {
        const rank = Math.min(s.n, Math.max(1, Math.ceil(p * s.n)));
        let minRank = 0;
        for (let i = 0; i < f.v.length; i++) {
            minRank += f.g[i];
            const maxRank = minRank + f.d[i];
            if (maxRank - err <= rank && rank <= minRank + err)
                return f.v[i];
        }
        return f.v[f.v.length - 1];
    });
}
//# sourceMappingURL=quantile-summary.js.map