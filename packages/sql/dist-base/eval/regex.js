import { SqlError, invalidParameterValue } from './errors.js';
/**
 * Spark's regular expressions are java.util.regex patterns; Kindling runs them as JavaScript RegExp (with the
 * `u` flag) after translating the Java-only syntax it can: leading inline flags (?i) (?s) (?m) (?x-less),
 * \A \z \Z, \Q…\E quoting, \h \R \e \a, \x{…}, POSIX classes \p{Alpha} \p{Digit} … and identity escapes of
 * punctuation. Not available (rejected as invalid patterns): possessive quantifiers, atomic groups, class
 * intersection/union ([a-z&&[^e]], [a[b]]), inline flags other than at the start, \G. See docs/SQL-FUNCTIONS.md.
 */
const cache = new Map();
const POSIX = {
    Lower: 'a-z',
    Upper: 'A-Z',
    ASCII: '\\x00-\\x7F',
    Alpha: 'a-zA-Z',
    Digit: '0-9',
    Alnum: 'a-zA-Z0-9',
    Punct: '!-\\/:-@\\[-`{-~',
    Graph: '!-~',
    Print: ' -~',
    Blank: ' \\t',
    Cntrl: '\\x00-\\x1F\\x7F',
    XDigit: '0-9a-fA-F',
    Space: ' \\t\\n\\x0B\\f\\r',
    javaLowerCase: '\\p{Ll}',
    javaUpperCase: '\\p{Lu}',
    javaWhitespace: '\\s',
};
/** A Java Unicode property name as JavaScript spells it (general categories, binary properties, scripts). */
function unicodeProperty(name) {
    const lower = name.toLowerCase();
    if (lower === 'alphabetic')
        return 'Alphabetic';
    if (lower === 'letter')
        return 'L';
    if (lower === 'whitespace' || lower === 'white_space')
        return 'White_Space';
    try {
        new RegExp(`\\p{${name}}`, 'u');
        return name;
    }
    catch {
        try {
            new RegExp(`\\p{Script=${name}}`, 'u');
            return `Script=${name}`;
        }
        catch {
            throw new SyntaxError(`Unknown character property name {${name}}`);
        }
    }
}
const SYNTAX = new Set('^$\\.*+?()[]{}|/-'.split(''));
/** Translates a Java regex to the source and flags of an equivalent JavaScript RegExp; throws on unsupported syntax. */
export function translateJavaRegex(pattern) {
    let flags = 'u';
    let i = 0;
    const lead = /^\(\?([imsux]+)\)/.exec(pattern);
    if (lead) {
        for (const f of lead[1]) {
            if (f === 'i' && !flags.includes('i'))
                flags += 'i';
            else if (f === 's' && !flags.includes('s'))
                flags += 's';
            else if (f === 'm' && !flags.includes('m'))
                flags += 'm';
        }
        i = lead[0].length;
    }
    let out = '';
    let inClass = 0;
    while (i < pattern.length) {
        const ch = pattern[i];
        if (ch === '\\') {
            const n = pattern[i + 1];
            if (n === undefined)
                throw new SyntaxError('Unexpected internal error: trailing backslash');
            i += 2;
            switch (n) {
                case 'Q': {
                    const end = pattern.indexOf('\\E', i);
                    const lit = end < 0 ? pattern.slice(i) : pattern.slice(i, end);
                    out += lit.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
                    i = end < 0 ? pattern.length : end + 2;
                    break;
                }
                case 'A':
                    out += inClass ? 'A' : '(?<![\\s\\S])';
                    break;
                case 'z':
                    out += '(?![\\s\\S])';
                    break;
                case 'Z':
                    out += '(?=(?:\\r\\n|[\\n\\r\\u0085\\u2028\\u2029])?(?![\\s\\S]))';
                    break;
                case 'h':
                    out += inClass ? ' \\t\\xA0\\u1680\\u180e\\u2000-\\u200a\\u202f\\u205f\\u3000' : '[ \\t\\xA0\\u1680\\u180e\\u2000-\\u200a\\u202f\\u205f\\u3000]';
                    break;
                case 'H':
                    out += '[^ \\t\\xA0\\u1680\\u180e\\u2000-\\u200a\\u202f\\u205f\\u3000]';
                    break;
                case 'R':
                    out += '(?:\\r\\n|[\\n\\x0B\\f\\r\\u0085\\u2028\\u2029])';
                    break;
                case 'e':
                    out += '\\x1B';
                    break;
                case 'a':
                    out += '\\x07';
                    break;
                case 'G':
                    throw new SyntaxError('\\G is not supported');
                case 'x':
                    if (pattern[i] === '{') {
                        const end = pattern.indexOf('}', i);
                        out += `\\u{${pattern.slice(i + 1, end)}}`;
                        i = end + 1;
                    }
                    else
                        out += '\\x';
                    break;
                case '0': {
                    const m = /^[0-3]?[0-7]{1,2}/.exec(pattern.slice(i));
                    if (!m)
                        throw new SyntaxError('Illegal octal escape sequence');
                    out += `\\u{${parseInt(m[0], 8).toString(16)}}`;
                    i += m[0].length;
                    break;
                }
                case 'p':
                case 'P': {
                    const m = /^(?:\{(?:Is)?([A-Za-z_]+)\}|([A-Z]))/.exec(pattern.slice(i));
                    const name = m?.[1] ?? m?.[2];
                    if (!m || !name)
                        throw new SyntaxError('Unknown character property');
                    i += m[0].length;
                    if (POSIX[name]) {
                        const body = POSIX[name];
                        out += inClass ? body : n === 'p' ? `[${body}]` : `[^${body}]`;
                    }
                    else
                        out += `\\${n}{${unicodeProperty(name)}}`;
                    break;
                }
                default:
                    if (/[A-Za-z0-9]/.test(n))
                        out += `\\${n}`;
                    else if (SYNTAX.has(n))
                        out += `\\${n}`;
                    else
                        out += n;
            }
            continue;
        }
        if (ch === '[') {
            if (inClass)
                throw new SyntaxError('nested character classes are not supported');
            inClass = 1;
            out += ch;
            i++;
            if (pattern[i] === '^') {
                out += '^';
                i++;
            }
            if (pattern[i] === ']') {
                out += '\\]';
                i++;
            }
            continue;
        }
        if (ch === ']' && inClass) {
            inClass = 0;
            out += ch;
            i++;
            continue;
        }
        if (inClass && ch === '&' && pattern[i + 1] === '&')
            throw new SyntaxError('class intersection is not supported');
        if (!inClass && (ch === '+' || ch === '*' || ch === '?' || ch === '}') && pattern[i + 1] === '+') {
            throw new SyntaxError('possessive quantifiers are not supported');
        }
        if (!inClass && ch === '(' && pattern.startsWith('(?>', i))
            throw new SyntaxError('atomic groups are not supported');
        if (inClass && (ch === '(' || ch === ')' || ch === '{' || ch === '}' || ch === '/' || ch === '|')) {
            out += `\\${ch}`;
            i++;
            continue;
        }
        if (!inClass && (ch === '{' || ch === '}') && !/^\{\d+(,\d*)?\}/.test(pattern.slice(i)) && !(ch === '}' && /\{\d+(,\d*)?$/.test(pattern.slice(0, i)))) {
            out += `\\${ch}`;
            i++;
            continue;
        }
        out += ch;
        i++;
    }
    return { source: out, flags };
}
/** A compiled Java-style regex (cached); invalid patterns raise INVALID_PARAMETER_VALUE.PATTERN naming `fn`. */
export function javaRegex(pattern, fn, global = false) {
    const key = `${global ? 'g' : '-'}${pattern}`;
    let re = cache.get(key);
    if (re) {
        re.lastIndex = 0;
        return re;
    }
    try {
        const { source, flags } = translateJavaRegex(pattern);
        re = new RegExp(source, global ? `${flags}g` : flags);
    }
    catch (e) {
        throw invalidParameterValue('PATTERN', 'regexp', fn, `'${pattern}'.${e instanceof Error ? ` (${e.message})` : ''}`);
    }
    if (cache.size > 2000)
        cache.clear();
    cache.set(key, re);
    return re;
}
const likeCache = new Map();
/**
 * SQL LIKE: `_` one character, `%` any run, the escape character (default backslash) makes the next `_`, `%` or
 * itself literal; anything else after it is an error, as in Spark. Case-sensitive; `_` and `%` cross newlines.
 */
export function likeMatcher(pattern, escape = '\\', caseInsensitive = false) {
    const key = `${escape}\u0000${caseInsensitive ? 'i' : ''}\u0000${pattern}`;
    const hit = likeCache.get(key);
    if (hit)
        return hit;
    // Pieces: literal text, '_' or '%'
    const parts = [];
    let lit = '';
    const cps = Array.from(pattern);
    for (let i = 0; i < cps.length; i++) {
        const c = cps[i];
        if (c === escape) {
            const n = cps[i + 1];
            if (n === undefined) {
                throw new SqlError('INVALID_FORMAT.ESC_AT_THE_END', `The format is invalid: '${pattern}'. The escape character is not allowed to end with.`, {
                    sqlState: '42601',
                });
            }
            if (n !== '_' && n !== '%' && n !== escape) {
                throw new SqlError('INVALID_FORMAT.ESC_IN_THE_MIDDLE', `The format is invalid: '${pattern}'. The escape character is not allowed to precede '${n}'.`, { sqlState: '42601' });
            }
            lit += n;
            i++;
        }
        else if (c === '_' || c === '%') {
            if (lit)
                parts.push(lit);
            lit = '';
            parts.push(c === '_' ? 0 : 1);
        }
        else
            lit += c;
    }
    if (lit)
        parts.push(lit);
    let m;
    const norm = (s) => (caseInsensitive ? s.toLowerCase() : s);
    const onlyLits = parts.every((p) => typeof p === 'string');
    if (!caseInsensitive && onlyLits) {
        const whole = parts.join('');
        m = (s) => s === whole;
    }
    else if (!caseInsensitive && parts.length === 2 && typeof parts[0] === 'string' && parts[1] === 1) {
        const pre = parts[0];
        m = (s) => s.startsWith(pre);
    }
    else if (!caseInsensitive && parts.length === 2 && parts[0] === 1 && typeof parts[1] === 'string') {
        const suf = parts[1];
        m = (s) => s.endsWith(suf);
    }
    else if (!caseInsensitive && parts.length === 3 && parts[0] === 1 && typeof parts[1] === 'string' && parts[2] === 1) {
        const mid = parts[1];
        m = (s) => s.includes(mid);
    }
    else if (parts.length === 1 && parts[0] === 1) {
        m = () => true;
    }
    else {
        const src = parts.map((p) => (p === 0 ? '.' : p === 1 ? '.*' : norm(p).replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'))).join('');
        const re = new RegExp(`^${src}$`, caseInsensitive ? 'sui' : 'su');
        m = (s) => re.test(s);
    }
    if (likeCache.size > 2000)
        likeCache.clear();
    likeCache.set(key, m);
    return m;
}
/**
 * A java.util.regex replacement string as a function: `$n` (longest group number that exists), `${name}`,
 * and backslash escapes (`\$` is a dollar). Throws on a dangling `$` or `\`, as Java does.
 */
export function javaReplacement(rep, groupCount) {
    if (!rep.includes('$') && !rep.includes('\\'))
        return () => rep;
    const pieces = [];
    let lit = '';
    for (let i = 0; i < rep.length; i++) {
        const c = rep[i];
        if (c === '\\') {
            if (i + 1 >= rep.length)
                throw new SyntaxError('character to be escaped is missing');
            lit += rep[++i];
        }
        else if (c === '$') {
            if (i + 1 >= rep.length)
                throw new SyntaxError('Illegal group reference: group index is missing');
            if (rep[i + 1] === '{') {
                const end = rep.indexOf('}', i + 2);
                if (end < 0)
                    throw new SyntaxError("named capturing group is missing trailing '}'");
                if (lit)
                    pieces.push(lit);
                lit = '';
                pieces.push({ name: rep.slice(i + 2, end) });
                i = end;
                continue;
            }
            let j = i + 1;
            if (!/[0-9]/.test(rep[j]))
                throw new SyntaxError('Illegal group reference');
            let g = Number(rep[j]);
            if (g > groupCount)
                throw new SyntaxError(`No group ${g}`);
            j++;
            while (j < rep.length && /[0-9]/.test(rep[j])) {
                const ng = g * 10 + Number(rep[j]);
                if (ng > groupCount)
                    break;
                g = ng;
                j++;
            }
            if (lit)
                pieces.push(lit);
            lit = '';
            pieces.push(g);
            i = j - 1;
        }
        else
            lit += c;
    }
    if (lit)
        pieces.push(lit);
    return (match, groups, named) => {
        let s = '';
        for (const p of pieces) {
            if (typeof p === 'string')
                s += p;
            else if (typeof p === 'number')
                s += p === 0 ? match : (groups[p - 1] ?? '');
            else
                s += named?.[p.name] ?? '';
        }
        return s;
    };
}
/** Number of capturing groups of a compiled RegExp. */
export function groupCount(re) {
    return new RegExp(`${re.source}|`, re.flags.replace('g', '')).exec('').length - 1;
}
/**
 * Java's Pattern.split with Spark's limit rule (limit <= 0: no limit, trailing empty strings kept): a zero-width
 * match at the start never yields a leading empty string.
 */
export function javaSplit(s, re, limit) {
    if (s.length === 0)
        return [''];
    const g = re.global ? re : new RegExp(re.source, `${re.flags}g`);
    g.lastIndex = 0;
    const out = [];
    let index = 0;
    const limited = limit > 0;
    let m;
    while ((m = g.exec(s)) !== null) {
        const start = m.index;
        const end = start + m[0].length;
        if (m[0].length === 0)
            g.lastIndex = end + (s.codePointAt(end) > 0xffff ? 2 : 1);
        if (limited && out.length >= limit - 1)
            break;
        if (end === 0 && start === 0 && m[0].length === 0)
            continue;
        if (m[0].length === 0 && start >= s.length)
            break;
        out.push(s.slice(index, start));
        index = end;
    }
    if (index === 0 && out.length === 0)
        return [s];
    out.push(s.slice(index));
    return out;
}
//# sourceMappingURL=regex.js.map