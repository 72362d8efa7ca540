import { anyExpr, exprName } from '../expr/ast.js';
import { FRAME_FUNCTIONS, OFFSET_FUNCTIONS, RANKING_FUNCTIONS, defaultFrame, frameText } from '../expr/window-name.js';
import { lookupAggregate } from '../agg/aggregate-function.js';
import { DataType, DateType, DoubleType, IntegerType } from '../types/data-types.js';
import { parseType } from '../types/parse-type.js';
import { AnalysisError } from './errors.js';
import { ExprResolver } from './analyzer.js';
// Spark's ExtractWindowExpressions: a select whose expressions contain `f.over(w)` becomes
//   Project(final expressions) <- Window(spec k) <- ... <- Window(spec 1) <- child
// with one Window node per distinct PARTITION BY / ORDER BY; each appends its window columns to its input's.
const typeOf = (b) => parseType(b.type);
function castTo(b, to) {
    return typeOf(b).equals(to) ? b : { kind: 'cast', child: b, type: to.simpleString(), ansi: true };
}
export function containsWindow(e) {
    return anyExpr(e, (x) => x.kind === 'window');
}
const sameFrame = (a, b) => a.type === b.type && a.lower === b.lower && a.upper === b.upper;
function intLiteral(e, what) {
    if (!e || e.kind !== 'literal' || typeof e.value !== 'number' || !Number.isInteger(e.value)) {
        throw new AnalysisError('DATATYPE_MISMATCH', `${what} must be an integer literal`);
    }
    return e.value;
}
// Decimal (unscaled bigints) and timestamp (Spark wants interval offsets) order keys are not supported yet.
const orderable = (t) => t === IntegerType || t === DoubleType || t === DateType || ['tinyint', 'smallint', 'bigint', 'float'].includes(t.simpleString());
function checkRangeFrame(frame, orders, text) {
    if (frame.type === 'range' && ((frame.lower !== null && frame.lower !== 0) || (frame.upper !== null && frame.upper !== 0))) {
        if (orders.length !== 1) {
            throw new AnalysisError('DATATYPE_MISMATCH.RANGE_FRAME_MULTI_ORDER', `a RANGE frame with offsets needs exactly one orderBy column, not ${orders.length}: ${text}`);
        }
        const kt = typeOf(orders[0].expr);
        if (!orderable(kt)) {
            throw new AnalysisError('DATATYPE_MISMATCH.RANGE_FRAME_INVALID_TYPE', `a RANGE frame with offsets needs an integer, floating or date orderBy column, not ${kt.simpleString()}: ${text}`);
        }
    }
}
/** Resolves one `fn.over(spec)` against the child's columns. */
function resolveWindowCall(fn, spec, orders, r) {
    const text = exprName({ kind: 'window', fn, spec });
    if (fn.kind !== 'call') {
        throw new AnalysisError('UNSUPPORTED_EXPR_FOR_WINDOW', `expression ${exprName(fn)} is not supported within a window function; use a window function (row_number, rank, lag, ...) or an aggregate`);
    }
    const name = fn.name.toLowerCase();
    const frame = spec.frame ?? defaultFrame(fn, spec);
    if (RANKING_FUNCTIONS.includes(name) || OFFSET_FUNCTIONS.includes(name)) {
        if (spec.orderBy.length === 0) {
            throw new AnalysisError('WINDOW_FUNCTION_WITHOUT_ORDER', `window function ${name}() needs an ordered window: add orderBy(...) to the window spec of ${text}`);
        }
        const required = defaultFrame(fn, spec);
        if (!sameFrame(frame, required)) {
            throw new AnalysisError('INVALID_WINDOW_FRAME', `the frame ${frameText(frame)} of ${name}() must be ${frameText(required)}; leave out rowsBetween/rangeBetween`);
        }
    }
    if (RANKING_FUNCTIONS.includes(name)) {
        if (name === 'ntile') {
            const n = intLiteral(fn.args[0], 'ntile(n): n');
            if (n <= 0)
                throw new AnalysisError('DATATYPE_MISMATCH', `ntile(n) needs n > 0, got ${n}`);
            return { name, args: [], type: 'int', frame, n };
        }
        if (fn.args.length)
            throw new AnalysisError('WRONG_NUM_ARGS', `${name}() takes no arguments`);
        return { name, args: [], type: name === 'percent_rank' || name === 'cume_dist' ? 'double' : 'int', frame };
    }
    if (OFFSET_FUNCTIONS.includes(name)) {
        const input = r.resolve(fn.args[0]);
        // lag(x) / lead(x): offset 1, as Spark.
        const off = fn.args[1] === undefined ? 1 : intLiteral(fn.args[1], `${name}(col, offset): offset`);
        const d = fn.args[2];
        const t = typeOf(input);
        const dflt = !d || (d.kind === 'literal' && d.value === null) ? { kind: 'literal', value: null, type: t.simpleString() } : castTo(r.resolve(d), t);
        return { name, args: [input, dflt], type: input.type, frame, n: name === 'lag' ? -off : off };
    }
    if (FRAME_FUNCTIONS.includes(name)) {
        // nth_value(col, n, ignoreNulls): the n-th row's value of the frame (among non-null values when ignoreNulls).
        if (spec.orderBy.length === 0) {
            throw new AnalysisError('WINDOW_FUNCTION_WITHOUT_ORDER', `window function ${name}() needs an ordered window: add orderBy(...) to the window spec of ${text}`);
        }
        checkRangeFrame(frame, orders, text);
        const input = r.resolve(fn.args[0]);
        const n = intLiteral(fn.args[1], `${name}(col, offset): offset`);
        if (n <= 0)
            throw new AnalysisError('DATATYPE_MISMATCH', `${name}(col, offset) needs offset > 0, got ${n}`);
        const ign = fn.args[2];
        if (ign && !(ign.kind === 'literal' && typeof ign.value === 'boolean'))
            throw new AnalysisError('DATATYPE_MISMATCH', `${name}: ignoreNulls must be a boolean literal`);
        const ignoreNulls = { kind: 'literal', value: ign ? ign.value : false, type: 'boolean' };
        return { name, args: [input, ignoreNulls], type: input.type, frame, n };
    }
    const f = lookupAggregate(name);
    if (!f) {
        throw new AnalysisError('UNSUPPORTED_EXPR_FOR_WINDOW', `${exprName(fn)} is not a window function or an aggregate, so it cannot be used with over(); compute it outside the window`);
    }
    if (fn.distinct)
        throw new AnalysisError('DISTINCT_WINDOW_FUNCTION_UNSUPPORTED', `distinct aggregates over a window are not supported: ${text}`);
    checkRangeFrame(frame, orders, text);
    const args = fn.args.map((a) => r.resolve(a));
    const res = f.resolve(args.map(typeOf), args.map((a) => (a.kind === 'literal' ? a.value : undefined)));
    return { name: f.name, args: args.map((a, i) => castTo(a, res.argTypes[i] ?? typeOf(a))), type: res.returnType.simpleString(), frame };
}
const specKey = (s) => JSON.stringify([s.partitionBy.map(exprName), s.orderBy.map(exprName)]);
/**
 * A select with window expressions: Window nodes compute them over the child, and a Project on top computes each
 * requested expression with the window results as inputs (so `rank().over(w) + 1` works).
 */
export function analyzeWindowProject(child, exprs, outputName, nullable) {
    const found = [];
    const index = new Map();
    const rewrite = (e, alias) => {
        if (e.kind === 'window') {
            if (containsWindow(e.fn) || e.spec.partitionBy.some(containsWindow) || e.spec.orderBy.some(containsWindow)) {
                throw new AnalysisError('NESTED_WINDOW', `a window expression cannot contain another: ${exprName(e)}`);
            }
            const key = exprName(e);
            let at = index.get(key);
            if (at === undefined) {
                at = found.length;
                index.set(key, at);
                found.push({ e, name: alias ?? key, key: specKey(e.spec) });
            }
            return { kind: 'column', name: `#win${at}` };
        }
        switch (e.kind) {
            case 'alias':
                return { ...e, child: rewrite(e.child, e.name) };
            case 'unary':
            case 'cast':
                return { ...e, child: rewrite(e.child) };
            case 'binary':
                return { ...e, left: rewrite(e.left), right: rewrite(e.right) };
            case 'case':
                return { ...e, branches: e.branches.map((b) => ({ when: rewrite(b.when), then: rewrite(b.then) })), otherwise: e.otherwise ? rewrite(e.otherwise) : null };
            case 'in':
                return { ...e, child: rewrite(e.child), list: e.list.map((x) => rewrite(x)) };
            case 'call':
                return { ...e, args: e.args.map((x) => rewrite(x)) };
            default:
                return e;
        }
    };
    const rewritten = exprs.map((e) => rewrite(e));
    // One Window node per distinct partitioning and ordering, stacked; every node's expressions are bound to the
    // original child's columns, which stay first in each node's output.
    const r = new ExprResolver(child.output);
    let plan = child;
    const ordinals = new Array(found.length);
    const groups = [...new Set(found.map((w) => w.key))];
    for (const key of groups) {
        const members = found.map((w, i) => ({ ...w, i })).filter((w) => w.key === key);
        const spec = members[0].e.spec;
        const partitionBy = spec.partitionBy.map((p) => r.resolve(p));
        const orderBy = spec.orderBy.map((o) => o.kind === 'sortOrder' ? { expr: r.resolve(o.child), ascending: o.ascending, nullsFirst: o.nullsFirst } : { expr: r.resolve(o), ascending: true, nullsFirst: true });
        const calls = members.map((w) => resolveWindowCall(w.e.fn, w.e.spec, orderBy, r));
        const added = calls.map((c, k) => ({
            name: members[k].name,
            type: parseType(c.type),
            nullable: !RANKING_FUNCTIONS.includes(c.name) && !(c.name === 'count'),
        }));
        members.forEach((w, k) => (ordinals[w.i] = plan.output.length + k));
        plan = { kind: 'window', child: plan, partitionBy, orderBy, windowExprs: calls, output: [...plan.output, ...added] };
    }
    // The select over [child columns..., window columns...], the latter known by internal names.
    const internal = plan.output.map((a, i) => {
        const w = ordinals.indexOf(i);
        return w >= 0 ? { ...a, name: `#win${w}`, qualifier: undefined } : a;
    });
    const pr = new ExprResolver(internal);
    const bound = [];
    const output = [];
    rewritten.forEach((e, i) => {
        if (e.kind === 'star') {
            child.output.forEach((a, j) => {
                if (e.qualifier && a.qualifier?.toLowerCase() !== e.qualifier.toLowerCase())
                    return;
                bound.push({ kind: 'input', ordinal: j, type: a.type.simpleString(), nullable: a.nullable });
                output.push(a);
            });
            return;
        }
        const b = pr.resolve(e);
        bound.push(b);
        const src = b.kind === 'input' && e.kind === 'column' && b.ordinal < child.output.length ? child.output[b.ordinal] : undefined;
        const isNullable = b.kind === 'input' ? internal[b.ordinal].nullable : nullable(b);
        output.push({ name: outputName(exprs[i]), type: typeOf(b), nullable: isNullable, ...(src?.qualifier ? { qualifier: src.qualifier } : {}) });
    });
    return { kind: 'project', child: plan, exprs: bound, output };
}
//# sourceMappingURL=window.js.map