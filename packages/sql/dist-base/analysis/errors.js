/** An analysis error: the plan refers to something that does not exist or does not type. */
export class AnalysisError extends Error {
    code;
    constructor(code, message) {
        super(`[${code}] ${message}`);
        this.code = code;
        this.name = 'AnalysisError';
    }
}
function editDistance(a, b) {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++)
        d[0][j] = j;
    for (let i = 1; i <= a.length; i++)
        for (let j = 1; j <= b.length; j++)
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    return d[a.length][b.length];
}
/** The closest names to `name` (case-insensitive edit distance), best first. */
export function suggest(name, candidates, max = 1) {
    const n = name.toLowerCase();
    return candidates
        .map((c) => ({ c, d: editDistance(n, c.toLowerCase()) }))
        .filter((x) => x.d <= Math.max(2, Math.floor(n.length / 3)))
        .sort((a, b) => a.d - b.d)
        .slice(0, max)
        .map((x) => x.c);
}
export function unresolvedColumn(name, available) {
    const among = available.slice(0, 10).join(', ') + (available.length > 10 ? ', ...' : '');
    const near = suggest(name, available);
    return new AnalysisError('UNRESOLVED_COLUMN', `cannot resolve '${name}' among (${among})${near.length ? `; did you mean '${near[0]}'?` : ''}`);
}
//# sourceMappingURL=errors.js.map