import { SourceError } from './errors.js';
/** Spark's data source options: keys case-insensitive, values strings (booleans as "true"/"false"). */
export class Options {
    map = new Map();
    constructor(options) {
        for (const [k, v] of Object.entries(options ?? {})) {
            if (v !== undefined && v !== null)
                this.map.set(k.toLowerCase(), String(v));
        }
    }
    has(key) {
        return this.map.has(key.toLowerCase());
    }
    get(key) {
        return this.map.get(key.toLowerCase());
    }
    string(key, dflt) {
        return this.get(key) ?? dflt;
    }
    bool(key, dflt) {
        const v = this.get(key);
        if (v === undefined)
            return dflt;
        const l = v.trim().toLowerCase();
        if (l === 'true')
            return true;
        if (l === 'false')
            return false;
        throw new SourceError('INVALID_OPTION', `Option '${key}' must be true or false, got '${v}'.`);
    }
    number(key, dflt) {
        const v = this.get(key);
        if (v === undefined)
            return dflt;
        const n = Number(v);
        if (v.trim() === '' || !Number.isFinite(n)) {
            throw new SourceError('INVALID_OPTION', `Option '${key}' must be a number, got '${v}'.`);
        }
        return n;
    }
    /**
     * A single-character option (sep, quote, escape, comment). Spark accepts "\t" and "\\u0000"-style escapes;
     * an empty quote turns quoting off (returns '').
     */
    char(key, dflt, allowEmpty = false) {
        let v = this.get(key);
        if (v === undefined)
            return dflt;
        if (v === '\\t')
            v = '\t';
        else if (/^\\u[0-9a-fA-F]{4}$/.test(v))
            v = String.fromCharCode(parseInt(v.slice(2), 16));
        if (v === '' && allowEmpty)
            return '';
        if (v.length !== 1) {
            throw new SourceError('INVALID_OPTION', `Option '${key}' must be a single character, got '${v}'.`);
        }
        return v;
    }
}
export function parseMode(o) {
    const m = (o.get('mode') ?? 'PERMISSIVE').toUpperCase();
    if (m === 'PERMISSIVE' || m === 'DROPMALFORMED' || m === 'FAILFAST')
        return m;
    throw new SourceError('INVALID_OPTION', `Option 'mode' must be PERMISSIVE, DROPMALFORMED or FAILFAST, got '${o.get('mode')}'.`);
}
//# sourceMappingURL=options.js.map