import { intervalText } from '../eval/interval.js';
import { parseType } from '../types/parse-type.js';
/**
 * Spark's show() table: a header row, cells padded (right-aligned when truncating, as Spark), values longer than
 * `truncate` cut to truncate-3 characters plus "...", and "only showing top N rows" when there are more.
 */
export function formatTable(names, rows, truncate, more, shown) {
    const cut = (s) => (truncate > 0 && s.length > truncate ? (truncate < 4 ? s.slice(0, truncate) : s.slice(0, truncate - 3) + '...') : s);
    const header = names.map(cut);
    const cells = rows.map((r) => r.map(cut));
    const widths = header.map((h, i) => Math.max(3, h.length, ...cells.map((r) => r[i].length)));
    const pad = (s, w) => (truncate > 0 ? s.padStart(w) : s.padEnd(w));
    const sep = '+' + widths.map((w) => '-'.repeat(w)).join('+') + '+';
    const line = (r) => '|' + r.map((c, i) => pad(c, widths[i])).join('|') + '|';
    const out = [sep, line(header), sep, ...cells.map(line), sep];
    if (more)
        out.push(`only showing top ${shown} row${shown === 1 ? '' : 's'}`);
    return out.join('\n') + '\n';
}
/** show(vertical = true): one block per row. */
export function formatVertical(names, rows, truncate, more, shown) {
    const cut = (s) => (truncate > 0 && s.length > truncate ? s.slice(0, truncate - 3) + '...' : s);
    const w = Math.max(0, ...names.map((n) => n.length));
    const out = [];
    rows.forEach((r, i) => {
        const head = `-RECORD ${i}`;
        out.push(head + '-'.repeat(Math.max(0, w + 12 - head.length)));
        r.forEach((c, j) => out.push(` ${names[j].padEnd(w)} | ${cut(c)}`));
    });
    if (rows.length === 0)
        out.push('(0 rows)');
    if (more)
        out.push(`only showing top ${shown} row${shown === 1 ? '' : 's'}`);
    return out.join('\n') + '\n';
}
/** Java's Double.toString, which Spark uses to print doubles: 1.0, 0.001, 1.0E7, 1.234E-5, NaN, Infinity. */
export function javaDouble(d) {
    if (Number.isNaN(d))
        return 'NaN';
    if (!Number.isFinite(d))
        return d > 0 ? 'Infinity' : '-Infinity';
    if (d === 0)
        return Object.is(d, -0) ? '-0.0' : '0.0';
    const a = Math.abs(d);
    if (a >= 1e-3 && a < 1e7) {
        const s = String(d);
        return s.includes('.') || s.includes('e') ? s : s + '.0';
    }
    const [m, e] = d.toExponential().split('e');
    return `${m.includes('.') ? m : m + '.0'}E${Number(e)}`;
}
/** A value as Spark's show() prints it; `type` is the column's Spark type string. */
export function showValue(v, type = '') {
    if (v === null || v === undefined)
        return 'NULL';
    if (type.startsWith('interval') && (typeof v === 'number' || typeof v === 'bigint'))
        return intervalText(v, parseType(type));
    if (typeof v === 'number')
        return type === 'double' || type === 'float' ? javaDouble(v) : String(v);
    if (typeof v === 'bigint' || typeof v === 'boolean')
        return String(v);
    if (typeof v === 'string')
        return v;
    if (v instanceof Date) {
        const iso = v.toISOString();
        return type === 'date' ? iso.slice(0, 10) : iso.replace('T', ' ').replace(/\.000Z$|Z$/, '');
    }
    if (Array.isArray(v))
        return '[' + v.map((x) => showValue(x)).join(', ') + ']';
    if (v instanceof Map)
        return '{' + [...v].map(([k, x]) => `${showValue(k)} -> ${showValue(x)}`).join(', ') + '}';
    if (v instanceof Uint8Array)
        return '[' + Array.from(v, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ') + ']';
    if (typeof v === 'object')
        return '{' + Object.values(v).map((x) => showValue(x)).join(', ') + '}';
    return String(v);
}
//# sourceMappingURL=show.js.map