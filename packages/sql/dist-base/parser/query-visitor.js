import { VisitError } from './errors.js';
import { dataTypeText, expression, firstToken, identifierText, namedExpression, sortItem, unquote, windowScopes, windowSpec } from './visitor.js';
const kids = (n) => n.children;
const nodes = (n, label) => (kids(n)[label] ?? []);
const tokens = (n, label) => (kids(n)[label] ?? []);
const node = (n, label) => nodes(n, label)[0];
const token = (n, label) => tokens(n, label)[0];
const has = (n, label) => (kids(n)[label]?.length ?? 0) > 0;
const nameOf = (n) => nodes(n, 'parts').map(identifierText);
const dotted = (n) => nameOf(n).join('.');
export function statement(n) {
    const s = node(n, 'statement') ?? n;
    const c = kids(s);
    if (c.query)
        return { kind: 'query', query: query(node(s, 'query')) };
    if (c.createView)
        return createView(node(s, 'createView'));
    if (c.dropView) {
        const d = node(s, 'dropView');
        return { kind: 'dropView', name: dotted(node(d, 'name')), ifExists: has(d, 'IF') };
    }
    if (c.showTables) {
        const t = token(node(s, 'showTables'), 'pattern');
        return { kind: 'showTables', pattern: t ? unquote(t.image) : null };
    }
    if (c.describe) {
        const d = node(s, 'describe');
        const q = node(d, 'query');
        if (q)
            return { kind: 'describeQuery', query: query(q) };
        return { kind: 'describe', name: dotted(node(d, 'name')) };
    }
    if (c.explain) {
        const e = node(s, 'explain');
        return { kind: 'explain', extended: has(e, 'EXTENDED'), query: query(node(e, 'query')) };
    }
    if (c.cacheTable) {
        const t = node(s, 'cacheTable');
        const q = node(t, 'query');
        return { kind: 'cacheTable', name: dotted(node(t, 'name')), lazy: has(t, 'LAZY'), query: q ? query(q) : null };
    }
    const u = node(s, 'uncacheTable');
    return { kind: 'uncacheTable', name: dotted(node(u, 'name')), ifExists: has(u, 'IF') };
}
function createView(n) {
    const nameNode = node(n, 'name');
    if (has(n, 'tableKw') || !has(n, 'TEMPORARY')) {
        throw new VisitError(firstToken(n), `only temporary views can be created (there is no metastore for tables and persistent views): write CREATE TEMP VIEW ${dotted(nameNode)} ...`, 'NOT_SUPPORTED_COMMAND_WITHOUT_HIVE_SUPPORT');
    }
    const name = dotted(nameNode);
    const replace = has(n, 'REPLACE');
    const ifNotExists = has(n, 'IF');
    const cols = nodes(n, 'columnDefinition');
    if (has(n, 'USING')) {
        const options = optionList(node(n, 'optionList'));
        const typed = cols.filter((c) => node(c, 'dataType'));
        if (typed.length && typed.length !== cols.length)
            throw new VisitError(firstToken(cols[0]), 'give every column of the view a type, or none');
        const schema = typed.length
            ? cols.map((c) => `\`${identifierText(node(c, 'name')).replace(/`/g, '``')}\` ${dataTypeText(node(c, 'dataType'))}`).join(', ')
            : null;
        return { kind: 'createViewUsing', name, replace, ifNotExists, format: identifierText(node(n, 'format')).toLowerCase(), options, schema };
    }
    if (cols.some((c) => node(c, 'dataType'))) {
        throw new VisitError(firstToken(cols.find((c) => node(c, 'dataType'))), 'a view defined AS a query takes column names only; the types come from the query');
    }
    return {
        kind: 'createView',
        name,
        replace,
        ifNotExists,
        columns: cols.length ? cols.map((c) => identifierText(node(c, 'name'))) : null,
        query: query(node(n, 'query')),
    };
}
function optionList(n) {
    const out = {};
    if (!n)
        return out;
    const keys = (kids(n).keys ?? []);
    const values = tokens(n, 'values');
    keys.forEach((k, i) => {
        const key = 'image' in k ? unquote(k.image) : dotted(k);
        const v = values[i];
        out[key.toLowerCase()] = v.tokenType.name === 'StringLiteral' ? unquote(v.image) : v.image.toLowerCase() === 'true' || v.image.toLowerCase() === 'false' ? v.image.toLowerCase() : v.image;
    });
    return out;
}
// ---- queries ------------------------------------------------------------------------------------------------
export function query(n) {
    const ctes = nodes(n, 'ctes').map((c) => {
        const cols = node(c, 'columns');
        return { name: identifierText(node(c, 'name')), columns: cols ? nodes(cols, 'names').map(identifierText) : null, query: query(node(c, 'query')) };
    });
    return {
        ctes,
        body: setExpression(node(n, 'setExpression')),
        orderBy: nodes(n, 'orderBy').map(sortItem),
        limit: has(n, 'limitAll') ? null : (node(n, 'limit') ? expression(node(n, 'limit')) : null),
        offset: node(n, 'offset') ? expression(node(n, 'offset')) : null,
    };
}
const quantifierAll = (q) => (q ? has(q, 'ALL') : false);
function setExpression(n) {
    const operands = nodes(n, 'operands').map(intersectExpression);
    const ops = tokens(n, 'ops').sort((a, b) => a.startOffset - b.startOffset);
    const quantifiers = nodes(n, 'quantifiers');
    let acc = operands[0];
    ops.forEach((op, i) => {
        // Quantifiers follow their operator; match them by position.
        const next = ops[i + 1]?.startOffset ?? Infinity;
        const q = quantifiers.find((x) => firstToken(x).startOffset > op.startOffset && firstToken(x).startOffset < next);
        const kind = op.image.toLowerCase() === 'union' ? 'union' : 'except';
        acc = { kind: 'setOp', op: kind, all: quantifierAll(q), left: acc, right: operands[i + 1] };
    });
    return acc;
}
function intersectExpression(n) {
    const operands = nodes(n, 'operands').map(queryPrimary);
    const ops = tokens(n, 'ops').sort((a, b) => a.startOffset - b.startOffset);
    const quantifiers = nodes(n, 'quantifiers');
    let acc = operands[0];
    ops.forEach((op, i) => {
        const next = ops[i + 1]?.startOffset ?? Infinity;
        const q = quantifiers.find((x) => firstToken(x).startOffset > op.startOffset && firstToken(x).startOffset < next);
        acc = { kind: 'setOp', op: 'intersect', all: quantifierAll(q), left: acc, right: operands[i + 1] };
    });
    return acc;
}
function queryPrimary(n) {
    const spec = node(n, 'querySpecification');
    if (spec)
        return { kind: 'select', spec: querySpecification(spec) };
    const q = node(n, 'query');
    if (q)
        return { kind: 'nested', query: query(q) };
    const values = node(n, 'inlineTable');
    if (values)
        return { kind: 'values', rows: inlineRows(values), alias: tableAlias(node(values, 'tableAlias')) };
    return { kind: 'table', name: nameOf(node(n, 'table')) };
}
function inlineRows(n) {
    return nodes(n, 'rows').map((r) => nodes(r, 'values').map(expression));
}
function querySpecification(n) {
    // The WINDOW clause first, so that OVER w in the select list finds w.
    const scope = new Map();
    windowScopes.push(scope);
    try {
        for (const w of nodes(n, 'windows')) {
            const name = identifierText(node(w, 'name'));
            scope.set(name.toLowerCase(), windowSpec(node(w, 'windowSpec')));
        }
        const q = node(n, 'setQuantifier');
        const from = node(n, 'fromClause');
        const where = node(n, 'where');
        const having = node(n, 'having');
        const group = node(n, 'groupByClause');
        return {
            distinct: q ? has(q, 'DISTINCT') : false,
            items: (nodes(node(n, 'namedExpressionList'), 'namedExpression')).map(namedExpression),
            from: from ? nodes(from, 'relations').map(relation) : [],
            lateralViews: from ? nodes(from, 'lateralViews').map(lateralView) : [],
            pivot: from && node(from, 'pivot') ? pivotClause(node(from, 'pivot')) : null,
            where: where ? expression(where) : null,
            groupBy: group ? groupBy(group) : null,
            having: having ? expression(having) : null,
        };
    }
    finally {
        windowScopes.pop();
    }
}
function pivotClause(n) {
    return {
        aggregates: nodes(n, 'aggregates').map(namedExpression),
        column: identifierText(node(n, 'column')),
        values: nodes(n, 'values').map(namedExpression),
    };
}
function lateralView(n) {
    return {
        fn: identifierText(node(n, 'fn')).toLowerCase(),
        args: nodes(n, 'args').map(expression),
        outer: has(n, 'OUTER'),
        table: identifierText(node(n, 'table')),
        columns: nodes(n, 'columns').map(identifierText),
    };
}
/** ROLLUP(a, b) → (a, b), (a), (); CUBE(a, b) → every subset; GROUPING SETS as written. */
function groupBy(n) {
    if (has(n, 'ALL'))
        return { kind: 'all' };
    const exprs = [];
    const setLists = [];
    let plain = true;
    for (const item of nodes(n, 'items')) {
        const e = node(item, 'expression');
        if (e) {
            const x = expression(e);
            exprs.push(x);
            setLists.push([[x]]);
            continue;
        }
        plain = false;
        const sets = nodes(item, 'sets').map((s) => nodes(s, 'exprs').map(expression));
        for (const s of sets)
            for (const x of s)
                exprs.push(x);
        const op = token(item, 'op')?.image.toLowerCase();
        if (op === 'rollup')
            setLists.push(rollup(sets));
        else if (op === 'cube')
            setLists.push(cube(sets));
        else
            setLists.push(sets);
    }
    const withRollup = has(n, 'withRollup');
    const withCube = has(n, 'withCube');
    if (withRollup || withCube) {
        if (!plain)
            throw new VisitError(firstToken(n), 'WITH ROLLUP / WITH CUBE go with a plain GROUP BY list');
        const sets = exprs.map((x) => [x]);
        return { kind: 'exprs', exprs, sets: withRollup ? rollup(sets) : cube(sets) };
    }
    if (plain)
        return { kind: 'exprs', exprs, sets: null };
    // Several items: the cross product of their grouping sets, as Spark.
    let product = [[]];
    for (const list of setLists)
        product = product.flatMap((p) => list.map((s) => [...p, ...s]));
    return { kind: 'exprs', exprs: dedupe(exprs), sets: product };
}
const key = (e) => JSON.stringify(e, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v));
function dedupe(exprs) {
    const seen = new Set();
    return exprs.filter((e) => (seen.has(key(e)) ? false : (seen.add(key(e)), true)));
}
function rollup(sets) {
    const out = [];
    for (let i = sets.length; i >= 0; i--)
        out.push(sets.slice(0, i).flat());
    return out;
}
function cube(sets) {
    const out = [];
    const n = sets.length;
    // Spark's order: the full set first, down to the empty one.
    for (let mask = (1 << n) - 1; mask >= 0; mask--)
        out.push(sets.filter((_, i) => mask & (1 << (n - 1 - i))).flat());
    return out;
}
// ---- relations ----------------------------------------------------------------------------------------------
function relation(n) {
    let acc = relationPrimary(node(n, 'relationPrimary'));
    for (const j of nodes(n, 'joins')) {
        const right = relationPrimary(node(j, 'right'));
        if (has(j, 'CROSS')) {
            acc = { kind: 'join', left: acc, right, how: 'cross', on: null, using: null };
            continue;
        }
        const on = node(j, 'on');
        const using = node(j, 'using');
        const how = joinType(node(j, 'joinType'));
        acc = { kind: 'join', left: acc, right, how, on: on ? expression(on) : null, using: using ? nodes(using, 'names').map(identifierText) : null };
    }
    return acc;
}
function joinType(n) {
    if (!n)
        return 'inner';
    if (has(n, 'LEFT'))
        return has(n, 'SEMI') ? 'left_semi' : has(n, 'ANTI') ? 'left_anti' : 'left';
    if (has(n, 'RIGHT'))
        return 'right';
    if (has(n, 'FULL'))
        return 'full';
    if (has(n, 'SEMI'))
        return 'left_semi';
    if (has(n, 'ANTI'))
        return 'left_anti';
    return 'inner';
}
function tableAlias(n) {
    if (!n)
        return null;
    const a = node(n, 'alias');
    if (!a)
        return null;
    const cols = node(n, 'columns');
    return { name: identifierText(a), columns: cols ? nodes(cols, 'names').map(identifierText) : null };
}
function relationPrimary(n) {
    const values = node(n, 'inlineTable');
    if (values)
        return { kind: 'values', rows: inlineRows(values), alias: tableAlias(node(values, 'tableAlias')) };
    const alias = tableAlias(node(n, 'tableAlias'));
    const q = node(n, 'query');
    if (q)
        return { kind: 'subquery', query: query(q), alias };
    const inner = node(n, 'relation');
    if (inner)
        return { kind: 'parenthesized', relation: relation(inner), alias };
    const fn = node(n, 'function');
    if (fn)
        return { kind: 'tableFunction', name: identifierText(fn).toLowerCase(), args: nodes(n, 'args').map(expression), alias };
    const table = node(n, 'table');
    const t = firstToken(table);
    return { kind: 'table', name: nameOf(table), alias, line: t.startLine ?? 1, column: t.startColumn ?? 1 };
}
//# sourceMappingURL=query-visitor.js.map