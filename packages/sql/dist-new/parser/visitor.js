import { VisitError } from './errors.js';
import { IntervalLiteralError, intervalLiteral } from './interval-literal.js';
import { query as visitQuery } from './query-visitor.js';
import { exprName } from '../expr/ast.js';
import { parseType, TypeParseError } from '../types/parse-type.js';
const exprNameOf = (e) => exprName(e);
const kids = (n) => n.children;
const nodes = (n, label) => (kids(n)[label] ?? []);
const tokens = (n, label) => (kids(n)[label] ?? []);
const node = (n, label) => nodes(n, label)[0];
const token = (n, label) => tokens(n, label)[0];
/** Tokens labelled differently but consumed in source order (operators between operands). */
function opsInOrder(n, label = 'ops') {
    return tokens(n, label).sort((a, b) => a.startOffset - b.startOffset);
}
/** The first token under a CST node (for error positions). */
export function firstToken(n) {
    if (!n)
        return undefined;
    if ('image' in n)
        return n;
    let best;
    for (const v of Object.values(kids(n))) {
        for (const c of v ?? []) {
            const t = firstToken(c);
            if (t && (!best || t.startOffset < best.startOffset))
                best = t;
        }
    }
    return best;
}
/**
 * Named windows of the queries being visited (innermost last): the WINDOW clause is visited before the select
 * list, so `OVER w` finds its definition.
 */
export const windowScopes = [];
export function identifierText(n) {
    const t = Object.values(kids(n)).flat()[0];
    return t.image.startsWith('`') ? t.image.slice(1, -1).replace(/``/g, '`') : t.image;
}
/** A SQL string literal's value: quotes removed, escapes (\n, \t, \', doubled quotes) applied. */
export function unquote(image) {
    const q = image[0];
    const body = image.slice(1, -1).replaceAll(q + q, q);
    return body.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_m, c) => {
        if (c.length === 5)
            return String.fromCharCode(parseInt(c.slice(1), 16));
        return { n: '\n', t: '\t', r: '\r', b: '\b', '0': '\0', Z: '\x1a', '%': '\\%', _: '\\_' }[c] ?? c;
    });
}
const BINARY = {
    '=': '=',
    '==': '=',
    '<>': '!=',
    '!=': '!=',
    '<=>': '<=>',
    '<': '<',
    '<=': '<=',
    '>': '>',
    '>=': '>=',
    '+': '+',
    '-': '-',
    '*': '*',
    '/': '/',
    '%': '%',
};
function leftAssoc(n, operand, opOf) {
    const operands = nodes(n, 'operands').map(operand);
    const ops = opsInOrder(n);
    let acc = operands[0];
    ops.forEach((op, i) => (acc = opOf(op)(acc, operands[i + 1])));
    return acc;
}
const bin = (op) => (left, right) => ({ kind: 'binary', op, left, right });
export function expression(n) {
    return or(node(n, 'orExpression'));
}
function or(n) {
    return nodes(n, 'operands').map(and).reduce((a, b) => ({ kind: 'binary', op: 'or', left: a, right: b }));
}
function and(n) {
    return nodes(n, 'operands').map(not).reduce((a, b) => ({ kind: 'binary', op: 'and', left: a, right: b }));
}
function not(n) {
    const inner = node(n, 'notExpression');
    if (inner)
        return { kind: 'unary', op: 'not', child: not(inner) };
    return predicate(node(n, 'predicate'));
}
function predicate(n) {
    const value = comparison(node(n, 'comparison'));
    const negate = (e) => (token(n, 'negated') ? { kind: 'unary', op: 'not', child: e } : e);
    if (kids(n).IS)
        return { kind: 'unary', op: token(n, 'isNot') ? 'isNotNull' : 'isNull', child: value };
    if (kids(n).IN) {
        const q = node(n, 'inQuery');
        if (q) {
            return negate(subquery('in', q, [value]));
        }
        return negate({ kind: 'in', child: value, list: nodes(n, 'inList').map(expression) });
    }
    if (kids(n).BETWEEN) {
        const lower = comparison(node(n, 'lower'));
        const upper = comparison(node(n, 'upper'));
        return negate({ kind: 'binary', op: 'and', left: bin('>=')(value, lower), right: bin('<=')(value, upper) });
    }
    const like = token(n, 'likeOp');
    if (like) {
        const pattern = comparison(node(n, 'pattern'));
        const op = like.image.toLowerCase();
        if (op === 'ilike')
            return negate({ kind: 'call', name: 'ilike', args: [value, pattern] });
        return negate(bin(op === 'like' ? 'like' : 'rlike')(value, pattern));
    }
    return value;
}
function comparison(n) {
    return leftAssoc(n, concat, (t) => bin(BINARY[t.image]));
}
function concat(n) {
    const parts = nodes(n, 'operands').map(additive);
    return parts.length === 1 ? parts[0] : { kind: 'call', name: 'concat', args: parts };
}
function additive(n) {
    return leftAssoc(n, multiplicative, (t) => bin(BINARY[t.image]));
}
function multiplicative(n) {
    return leftAssoc(n, unary, (t) => bin(t.image.toLowerCase() === 'div' ? 'div' : BINARY[t.image]));
}
function unary(n) {
    const sign = token(n, 'sign');
    if (sign) {
        const child = unary(node(n, 'unary'));
        if (sign.image === '+')
            return child;
        if (child.kind === 'literal' && typeof child.value === 'number')
            return { ...child, value: -child.value };
        if (child.kind === 'literal' && typeof child.value === 'bigint')
            return { ...child, value: -child.value };
        if (child.kind === 'literal' && typeof child.value === 'string' && child.type?.startsWith('decimal'))
            return { ...child, value: '-' + child.value };
        return { kind: 'unary', op: 'negate', child };
    }
    const suffix = node(n, 'castSuffix');
    return nodes(suffix, 'types').reduce((e, t) => castTo(e, t, true), primary(node(suffix, 'primary')));
}
/** A subquery expression as parsed; sql/compile.ts turns its query into a plan. */
function subquery(form, q, values = []) {
    const parsed = { kind: 'parsedSubquery', form, values, query: visitQuery(q) };
    return parsed;
}
function primary(n) {
    const c = kids(n);
    if (c.literal)
        return literal(node(n, 'literal'));
    if (c.intervalLiteral)
        return interval(node(n, 'intervalLiteral'));
    if (c.extractExpression)
        return extract(node(n, 'extractExpression'));
    if (c.exists)
        return subquery('exists', node(n, 'exists'));
    if (c.subquery)
        return subquery('scalar', node(n, 'subquery'));
    if (c.castExpression)
        return cast(node(n, 'castExpression'));
    if (c.caseExpression)
        return caseExpr(node(n, 'caseExpression'));
    if (c.expression)
        return expression(node(n, 'expression'));
    if (c.Star)
        return { kind: 'star' };
    return reference(node(n, 'reference'));
}
function reference(n) {
    const kw = token(n, 'keywordName');
    const parts = [...(kw ? [kw.image] : []), ...nodes(n, 'parts').map(identifierText)];
    if (token(n, 'qualifiedStar'))
        return { kind: 'star', qualifier: parts.join('.') };
    if (token(n, 'call')) {
        const name = parts.join('.').toLowerCase();
        let call;
        if (token(n, 'starArg'))
            call = { kind: 'call', name, args: [{ kind: 'literal', value: 1, type: null }] };
        else {
            const args = nodes(n, 'args').map(expression);
            const from = node(n, 'fromArg');
            if (from) {
                // substring(s FROM a [FOR b])
                if (name !== 'substring' && name !== 'substr' || args.length !== 1)
                    throw new VisitError(token(n, 'fromKw'), `FROM inside a call is only for substring(str FROM pos [FOR len]), not ${name}(...)`);
                args.push(expression(from));
                const len = node(n, 'forArg');
                if (len)
                    args.push(expression(len));
            }
            call = kids(n).DISTINCT ? { kind: 'call', name, args, distinct: true } : { kind: 'call', name, args };
        }
        const filter = node(n, 'filterWhere');
        if (filter)
            call = filtered(call, expression(filter), token(n, 'call'));
        if (kids(n).OVER)
            return { kind: 'window', fn: call, spec: windowOf(n) };
        return call;
    }
    if (parts.length === 1)
        return { kind: 'column', name: parts[0] };
    return { kind: 'column', name: parts[parts.length - 1], qualifier: parts.slice(0, -1).join('.') };
}
function literal(n) {
    const c = kids(n);
    if (c.IntegerLiteral) {
        const img = token(n, 'IntegerLiteral').image;
        const suffix = img.slice(-1).toUpperCase();
        if (suffix === 'L')
            return { kind: 'literal', value: BigInt(img.slice(0, -1)), type: 'bigint' };
        if (suffix === 'S')
            return { kind: 'literal', value: Number(img.slice(0, -1)), type: 'smallint' };
        if (suffix === 'Y')
            return { kind: 'literal', value: Number(img.slice(0, -1)), type: 'tinyint' };
        const v = BigInt(img);
        if (v < 2n ** 31n)
            return { kind: 'literal', value: Number(v), type: 'int' };
        if (v < 2n ** 63n)
            return { kind: 'literal', value: v, type: 'bigint' };
        return { kind: 'literal', value: img, type: `decimal(${img.length},0)` };
    }
    if (c.DecimalLiteral) {
        const img = token(n, 'DecimalLiteral').image;
        const last = img.slice(-1).toUpperCase();
        if (last === 'D' && !/BD$/i.test(img))
            return { kind: 'literal', value: Number(img.slice(0, -1)), type: 'double' };
        if (last === 'F')
            return { kind: 'literal', value: Number(img.slice(0, -1)), type: 'float' };
        if (/BD$/i.test(img) || !/[eE]/.test(img)) {
            // 1.50 is DECIMAL(3,2), as Spark types decimal literals (exact, not double).
            const text = img.replace(/BD$/i, '');
            const [int = '', frac = ''] = text.split('.');
            const digits = (int.replace(/^0+/, '') + frac).length || 1;
            const scale = frac.length;
            return { kind: 'literal', value: text.startsWith('.') ? '0' + text : text, type: `decimal(${Math.max(digits, scale)},${scale})` };
        }
        return { kind: 'literal', value: Number(img), type: 'double' };
    }
    if (c.TRUE)
        return { kind: 'literal', value: true, type: 'boolean' };
    if (c.FALSE)
        return { kind: 'literal', value: false, type: 'boolean' };
    if (c.NULL)
        return { kind: 'literal', value: null, type: null };
    const typed = token(n, 'typed');
    if (typed) {
        const text = unquote(token(n, 'typedValue').image);
        return { kind: 'cast', child: { kind: 'literal', value: text, type: 'string' }, to: typed.image.toLowerCase() === 'date' ? 'date' : 'timestamp', ansi: true };
    }
    return { kind: 'literal', value: tokens(n, 'StringLiteral').map((t) => unquote(t.image)).join(''), type: 'string' };
}
/** Aggregates that skip NULL inputs: for them `f(x) FILTER (WHERE c)` is `f(CASE WHEN c THEN x END)`. */
const NULL_SKIPPING_AGGREGATES = new Set([
    'count', 'count_if', 'sum', 'avg', 'mean', 'min', 'max', 'collect_list', 'collect_set', 'array_agg', 'stddev', 'stddev_samp',
    'stddev_pop', 'std', 'variance', 'var_samp', 'var_pop', 'bool_and', 'bool_or', 'every', 'some', 'any',
]);
function filtered(call, cond, at) {
    if (call.kind !== 'call' || !NULL_SKIPPING_AGGREGATES.has(call.name)) {
        const name = call.kind === 'call' ? call.name : 'this call';
        throw new VisitError(at, `FILTER (WHERE ...) is supported on aggregates that skip NULLs (count, sum, avg, min, max, collect_list, ...), not on ${name}`, 'UNSUPPORTED_FEATURE');
    }
    const name = `${exprName(call)} FILTER (WHERE ${exprName(cond)})`;
    const args = call.args.map((a) => ({ kind: 'case', branches: [{ when: cond, then: a }], otherwise: null }));
    return { kind: 'alias', name, child: { ...call, args } };
}
function interval(n) {
    const parts = nodes(n, 'parts').map((p) => {
        const v = token(p, 'value');
        const units = tokens(p, 'unit');
        return { value: v.tokenType.name === 'StringLiteral' ? unquote(v.image) : v.image, unit: units[0]?.image ?? null, to: units[1]?.image ?? null };
    });
    try {
        return intervalLiteral(parts, token(n, 'sign')?.image === '-');
    }
    catch (e) {
        if (e instanceof IntervalLiteralError)
            throw new VisitError(firstToken(n), `invalid interval literal: ${e.message}`, 'INVALID_INTERVAL_LITERAL');
        throw e;
    }
}
/** EXTRACT(field FROM source): the datetime function of that field, named as Spark names the expression. */
const EXTRACT_FIELDS = {
    year: 'year', years: 'year', y: 'year', yr: 'year', yrs: 'year',
    quarter: 'quarter', qtr: 'quarter',
    month: 'month', months: 'month', mon: 'month', mons: 'month',
    week: 'weekofyear', weeks: 'weekofyear', w: 'weekofyear',
    day: 'day', days: 'day', d: 'day',
    dayofweek: 'dayofweek', dow: 'dayofweek',
    doy: 'dayofyear',
    hour: 'hour', hours: 'hour', h: 'hour', hr: 'hour', hrs: 'hour',
    minute: 'minute', minutes: 'minute', m: 'minute', min: 'minute', mins: 'minute',
};
function extract(n) {
    const fieldNode = node(n, 'field');
    const field = identifierText(fieldNode);
    const fn = EXTRACT_FIELDS[field.toLowerCase()];
    if (!fn) {
        throw new VisitError(firstToken(fieldNode), `EXTRACT does not know the field '${field}'; use one of YEAR, QUARTER, MONTH, WEEK, DAY, DAYOFWEEK, DOY, HOUR, MINUTE`, 'INVALID_EXTRACT_FIELD');
    }
    const source = expression(node(n, 'source'));
    return { kind: 'alias', name: `extract(${field.toUpperCase()} FROM ${exprNameOf(source)})`, child: { kind: 'call', name: fn, args: [source] } };
}
/** The window of `f(...) OVER (...)` or `OVER name`, with named windows (and bases) looked up. */
function windowOf(n) {
    const name = node(n, 'windowName');
    if (name)
        return namedWindow(name);
    return windowSpec(node(n, 'windowSpec'));
}
function namedWindow(nameNode) {
    const name = identifierText(nameNode);
    for (let i = windowScopes.length - 1; i >= 0; i--) {
        const w = windowScopes[i].get(name.toLowerCase());
        if (w)
            return w;
    }
    throw new VisitError(firstToken(nameNode), `the window '${name}' is not defined; add WINDOW ${name} AS (PARTITION BY ... ORDER BY ...) after HAVING`, 'MISSING_WINDOW_SPECIFICATION');
}
export function windowSpec(n) {
    const baseNode = node(n, 'base');
    const base = baseNode ? namedWindow(baseNode) : null;
    const partitionBy = nodes(n, 'partitionBy').map(expression);
    const orderBy = nodes(n, 'orderBy').map(sortItem);
    const frameNode = node(n, 'windowFrame');
    return {
        partitionBy: partitionBy.length ? partitionBy : (base?.partitionBy ?? []),
        orderBy: orderBy.length ? orderBy : (base?.orderBy ?? []),
        frame: frameNode ? windowFrame(frameNode) : (base?.frame ?? null),
    };
}
function windowFrame(n) {
    const type = token(n, 'type').image.toLowerCase() === 'rows' ? 'rows' : 'range';
    const lowerNode = node(n, 'lower');
    const upperNode = node(n, 'upper');
    const lower = frameBound(lowerNode, true);
    const upper = upperNode ? frameBound(upperNode, false) : 0;
    if (lower === 'unboundedFollowing' || upper === 'unboundedPreceding') {
        throw new VisitError(firstToken(n), 'a window frame cannot start at UNBOUNDED FOLLOWING or end at UNBOUNDED PRECEDING', 'INVALID_WINDOW_FRAME');
    }
    const lo = lower === 'unboundedPreceding' ? null : lower;
    const hi = upper === 'unboundedFollowing' ? null : upper;
    if (lo !== null && hi !== null && lo > hi) {
        throw new VisitError(firstToken(n), `the window frame's lower bound (${lo}) is after its upper bound (${hi})`, 'INVALID_WINDOW_FRAME');
    }
    return { type, lower: lo, upper: hi };
}
function frameBound(n, _lower) {
    const dir = token(n, 'direction')?.image.toLowerCase();
    if (kids(n).UNBOUNDED)
        return dir === 'preceding' ? 'unboundedPreceding' : 'unboundedFollowing';
    if (kids(n).CURRENT)
        return 0;
    const offNode = node(n, 'offset');
    const off = comparison(offNode);
    const v = off.kind === 'literal' ? (typeof off.value === 'string' && off.type?.startsWith('decimal') ? Number(off.value) : off.value) : undefined;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
        throw new VisitError(firstToken(offNode), 'a window frame offset must be a non-negative number literal, e.g. 2 PRECEDING', 'INVALID_WINDOW_FRAME');
    }
    return dir === 'preceding' ? -v : v;
}
export function dataTypeText(n) {
    const name = identifierText(node(n, 'name')).toLowerCase();
    const params = tokens(n, 'params').map((t) => t.image);
    if (params.length)
        return `${name}(${params.join(',')})`;
    const args = nodes(n, 'args');
    if (!args.length)
        return name;
    const fields = nodes(n, 'fieldNames').map(identifierText);
    return `${name}<${args.map((a, i) => (fields[i] ? `${fields[i]}:` : '') + dataTypeText(a)).join(',')}>`;
}
function cast(n) {
    return castTo(expression(node(n, 'expression')), node(n, 'dataType'), token(n, 'op').image.toLowerCase() === 'cast');
}
function castTo(child, typeNode, ansi) {
    const to = dataTypeText(typeNode);
    try {
        parseType(to);
    }
    catch (e) {
        if (e instanceof TypeParseError)
            throw new VisitError(firstToken(typeNode), `unsupported data type "${to.toUpperCase()}": ${e.message}`, 'UNSUPPORTED_DATATYPE');
        throw e;
    }
    return { kind: 'cast', child, to, ansi };
}
function caseExpr(n) {
    const subject = node(n, 'subject');
    const s = subject ? expression(subject) : null;
    const thens = nodes(n, 'thens').map(expression);
    const branches = nodes(n, 'whens').map((w, i) => {
        const when = expression(w);
        return { when: s ? bin('=')(s, when) : when, then: thens[i] };
    });
    const otherwise = node(n, 'otherwise');
    return { kind: 'case', branches, otherwise: otherwise ? expression(otherwise) : null };
}
/** expression [AS] alias */
export function namedExpression(n) {
    const e = expression(node(n, 'expression'));
    const alias = node(n, 'alias');
    return alias ? { kind: 'alias', child: e, name: identifierText(alias) } : e;
}
/** expression [ASC|DESC] [NULLS FIRST|LAST], with Spark's default null order per direction. */
export function sortItem(n) {
    const child = expression(node(n, 'expression'));
    const ascending = !kids(n).DESC;
    const nullsFirst = kids(n).FIRST ? true : kids(n).LAST ? false : ascending;
    return { kind: 'sortOrder', child, ascending, nullsFirst };
}
//# sourceMappingURL=visitor.js.map