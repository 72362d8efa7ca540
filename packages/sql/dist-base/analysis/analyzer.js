import { anyExpr, exprName } from '../expr/ast.js';
import { functionNames, lookupFunction } from '../eval/function-registry.js';
import '../functions/index.js';
import '../agg/builtin.js';
import { commonType as commonTypeOf, resolveBinary, resolveCase, resolveIn, resolveUnary } from '../eval/coercion.js';
import { analyzeJoin } from './join.js';
import { analyzeGroupingSets } from './grouping-sets.js';
import { rewriteAggregate, rewriteFilter, rewriteProject } from './subquery.js';
import { containsSubquery } from '../expr/ast.js';
import { analyzeWindowProject, containsWindow } from './window.js';
import { FRAME_FUNCTIONS, OFFSET_FUNCTIONS, RANKING_FUNCTIONS, isWindowOnlyFunction } from '../expr/window-name.js';
import { aggregateNames, lookupAggregate } from '../agg/aggregate-function.js';
import { withDefaultArguments } from '../agg/default-arguments.js';
import { ArrayType, MapType, BooleanType, DataType, DoubleType, IntegerType, LongType, NullType, StringType, TimestampType, } from '../types/data-types.js';
import { parseType } from '../types/parse-type.js';
import { AnalysisError, suggest, unresolvedColumn } from './errors.js';
const WINDOW_FUNCTION_NAMES = [...RANKING_FUNCTIONS, ...OFFSET_FUNCTIONS, ...FRAME_FUNCTIONS];
/** The Spark type of a JS literal: integers in int range are int, larger ones bigint, others double. */
export function literalType(v) {
    if (v === null)
        return NullType;
    switch (typeof v) {
        case 'number':
            return Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31 ? IntegerType : DoubleType;
        case 'bigint':
            return LongType;
        case 'string':
            return StringType;
        case 'boolean':
            return BooleanType;
    }
    if (v instanceof Date)
        return TimestampType;
    throw new AnalysisError('UNSUPPORTED_LITERAL', `a value of kind ${typeof v} cannot be a literal; use a number, bigint, string, boolean, Date or null`);
}
const typeOf = (b) => parseType(b.type);
function cast(b, to) {
    return typeOf(b).equals(to) ? b : { kind: 'cast', child: b, type: to.simpleString(), ansi: true };
}
/** Resolves column names against `input` (case-insensitively, as Spark by default). */
export class ExprResolver {
    input;
    constructor(input) {
        this.input = input;
    }
    findColumn(name, qualifier) {
        const lower = name.toLowerCase();
        const q = qualifier?.toLowerCase();
        const hits = [];
        this.input.forEach((a, i) => {
            if (a.name.toLowerCase() === lower && (!q || a.qualifier?.toLowerCase() === q))
                hits.push(i);
        });
        if (hits.length === 1)
            return hits[0];
        if (hits.length > 1) {
            throw new AnalysisError('AMBIGUOUS_REFERENCE', `reference '${qualifier ? qualifier + '.' : ''}${name}' is ambiguous: it could be any of ${hits.length} columns; qualify it with the DataFrame's alias`);
        }
        throw unresolvedColumn(qualifier ? `${qualifier}.${name}` : name, this.input.map((a) => (a.qualifier && qualifier ? `${a.qualifier}.${a.name}` : a.name)));
    }
    resolve(e) {
        switch (e.kind) {
            case 'column': {
                if (e.outer) {
                    throw new AnalysisError('UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.ACCESSING_OUTER_QUERY_COLUMN_IS_NOT_ALLOWED', `the outer reference ${e.qualifier ? e.qualifier + '.' : ''}${e.name} can only be used in a filter condition of a subquery (a DataFrame used with scalar(), exists() or isin())`);
                }
                const i = this.findColumn(e.name, e.qualifier);
                const a = this.input[i];
                return { kind: 'input', ordinal: i, type: a.type.simpleString(), nullable: a.nullable };
            }
            case 'literal': {
                const t = e.type ? parseType(e.type) : literalType(e.value);
                return { kind: 'literal', value: e.value instanceof Date ? BigInt(e.value.getTime()) * 1000n : e.value, type: t.simpleString() };
            }
            case 'alias':
                return this.resolve(e.child);
            case 'unary': {
                const child = this.resolve(e.child);
                const r = resolveUnary(e.op, typeOf(child));
                return { kind: 'unary', op: e.op, child: cast(child, r.child), type: r.result.simpleString() };
            }
            case 'binary': {
                const left = this.resolve(e.left);
                const right = this.resolve(e.right);
                const r = resolveBinary(e.op, typeOf(left), typeOf(right), {
                    leftLiteral: left.kind === 'literal' ? left.value : undefined,
                    rightLiteral: right.kind === 'literal' ? right.value : undefined,
                });
                return { kind: 'binary', op: e.op, left: cast(left, r.left), right: cast(right, r.right), type: r.result.simpleString() };
            }
            case 'cast': {
                const child = this.resolve(e.child);
                return { kind: 'cast', child, type: parseType(e.to).simpleString(), ansi: e.ansi };
            }
            case 'case': {
                const branches = e.branches.map((b) => ({ when: this.resolve(b.when), then: this.resolve(b.then) }));
                const otherwise = e.otherwise ? this.resolve(e.otherwise) : null;
                const r = resolveCase(branches.map((b) => typeOf(b.when)), [...branches.map((b) => typeOf(b.then)), ...(otherwise ? [typeOf(otherwise)] : [])]);
                return {
                    kind: 'case',
                    branches: branches.map((b) => ({ when: cast(b.when, r.when), then: cast(b.then, r.result) })),
                    otherwise: otherwise ? cast(otherwise, r.result) : null,
                    type: r.result.simpleString(),
                };
            }
            case 'in': {
                const child = this.resolve(e.child);
                const list = e.list.map((x) => this.resolve(x));
                const r = resolveIn(typeOf(child), list.map(typeOf));
                return { kind: 'in', child: cast(child, r.child), list: list.map((x, i) => cast(x, r.list[i])), type: r.result.simpleString() };
            }
            case 'call': {
                if (lookupAggregate(e.name)) {
                    throw new AnalysisError('MISSING_GROUP_BY', `the aggregate ${exprName(e)} can only be used in groupBy(...).agg(...) or agg(...), not in a row-wise expression`);
                }
                if (isWindowOnlyFunction(e.name)) {
                    throw new AnalysisError('WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE', `window function ${exprName(e)} needs a window: add .over(Window.partitionBy(...).orderBy(...))`);
                }
                if (e.name.toLowerCase() === 'grouping' || e.name.toLowerCase() === 'grouping_id') {
                    throw new AnalysisError('UNSUPPORTED_GROUPING_EXPRESSION', `${exprName(e)} can only be used with rollup(), cube() or groupingSets() (GROUPING SETS / ROLLUP / CUBE in SQL)`);
                }
                const f = lookupFunction(e.name);
                if (!f) {
                    const near = suggest(e.name, [...functionNames(), ...aggregateNames(), ...WINDOW_FUNCTION_NAMES]);
                    throw new AnalysisError('UNRESOLVED_ROUTINE', `cannot resolve function '${e.name}'${near.length ? `; did you mean '${near[0]}'?` : ''} (see docs/SQL-FUNCTIONS.md for the functions Kindling has)`);
                }
                const args = e.args.map((a) => this.resolve(a));
                const r = f.resolve(args.map(typeOf), args.map((a) => (a.kind === 'literal' ? a.value : undefined)));
                return { kind: 'call', name: e.name.toLowerCase(), args: args.map((a, i) => cast(a, r.argTypes[i] ?? typeOf(a))), type: r.returnType.simpleString() };
            }
            case 'star':
                throw new AnalysisError('INVALID_STAR_USAGE', `'*' can only be used directly in select()`);
            case 'sortOrder':
                throw new AnalysisError('INVALID_SORT_ORDER', `asc()/desc() can only be used in orderBy()/sort()`);
            case 'scalarSubquery':
            case 'exists':
            case 'inSubquery':
                throw new AnalysisError('UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY', `the subquery expression ${exprName(e)} can only be used in filter()/where() or select(); see docs/DATAFRAMES.md (Subqueries)`);
            case 'window':
                throw new AnalysisError('UNSUPPORTED_WINDOW_EXPRESSION', `the window expression ${exprName(e)} can only be used in select() or withColumn(); compute it there first, then filter or sort by its column`);
        }
    }
}
/** An expression's output name, as Spark names columns: the alias, the column name, or the expression's text. */
function outputName(e) {
    return e.kind === 'alias' ? e.name : exprName(e);
}
function nullable(b) {
    return b.kind === 'input' ? b.nullable : b.kind === 'literal' ? b.value === null : true;
}
/** Whether an aggregate call appears in `e` (a window's own aggregate, `sum(x) OVER w`, does not count). */
function containsAggregate(e) {
    return anyExpr(e, (x) => x.kind === 'call' && !!lookupAggregate(x.name), (x) => x.kind !== 'window');
}
/** Resolves a logical plan bottom-up. Errors name what is missing and suggest the nearest name. */
export function analyze(plan) {
    switch (plan.kind) {
        case 'localRelation':
            return { ...plan, output: plan.schema.fields.map((f) => ({ name: f.name, type: f.dataType, nullable: f.nullable })) };
        case 'range':
            return { ...plan, output: [{ name: 'id', type: LongType, nullable: false }] };
        case 'rddScan':
            return { ...plan, output: plan.schema.fields.map((f) => ({ name: f.name, type: f.dataType, nullable: f.nullable })) };
        case 'fileScan': {
            if (!plan.schema)
                throw new Error('internal: file scan without a schema (it is inferred when the DataFrame is created)');
            const output = plan.schema.fields.map((f) => ({ name: f.name, type: f.dataType, nullable: f.nullable }));
            return { ...plan, schema: plan.schema, columns: plan.schema.fieldNames, output };
        }
        case 'subqueryAlias': {
            const child = analyze(plan.child);
            return { ...child, output: child.output.map((a) => ({ ...a, qualifier: plan.alias })) };
        }
        case 'project': {
            if (plan.exprs.some(containsSubquery))
                return analyze(rewriteProject(plan, analyze));
            const gen = plan.exprs.findIndex((e) => isGenerator(e.kind === 'alias' ? e.child : e));
            if (gen >= 0)
                return analyzeGenerate(plan, gen);
            const child = analyze(plan.child);
            if (plan.exprs.some(containsAggregate)) {
                // select(sum(x)) without groupBy: a global aggregate.
                return analyze({ kind: 'aggregate', child: plan.child, groupBy: [], aggs: plan.exprs });
            }
            if (plan.exprs.some(containsWindow))
                return analyzeWindowProject(child, plan.exprs, outputName, nullable);
            const r = new ExprResolver(child.output);
            const exprs = [];
            const output = [];
            for (const e of plan.exprs) {
                if (e.kind === 'star') {
                    child.output.forEach((a, i) => {
                        if (e.qualifier && a.qualifier?.toLowerCase() !== e.qualifier.toLowerCase())
                            return;
                        exprs.push({ kind: 'input', ordinal: i, type: a.type.simpleString(), nullable: a.nullable });
                        output.push(a);
                    });
                    continue;
                }
                const b = r.resolve(e);
                exprs.push(b);
                const src = b.kind === 'input' && e.kind === 'column' ? child.output[b.ordinal] : undefined;
                output.push({ name: outputName(e), type: typeOf(b), nullable: nullable(b), ...(src?.qualifier ? { qualifier: src.qualifier } : {}) });
            }
            return { kind: 'project', child, exprs, output };
        }
        case 'filter': {
            if (containsSubquery(plan.condition))
                return analyze(rewriteFilter(plan, analyze));
            const child = analyze(plan.child);
            const cond = new ExprResolver(child.output).resolve(plan.condition);
            if (!typeOf(cond).equals(BooleanType) && typeOf(cond) !== NullType) {
                throw new AnalysisError('DATATYPE_MISMATCH', `filter condition ${exprName(plan.condition)} is ${cond.type}, not boolean`);
            }
            return { kind: 'filter', child, condition: cond, output: child.output };
        }
        case 'aggregate':
            if (plan.aggs.some(containsSubquery))
                return analyze(rewriteAggregate(plan, analyze));
            return analyzeAggregate(plan);
        case 'sort': {
            const child = analyze(plan.child);
            const r = new ExprResolver(child.output);
            const orders = plan.orders.map((o) => o.kind === 'sortOrder'
                ? { expr: r.resolve(o.child), ascending: o.ascending, nullsFirst: o.nullsFirst }
                : { expr: r.resolve(o), ascending: true, nullsFirst: true });
            return { kind: 'sort', child, orders, output: child.output };
        }
        case 'limit': {
            const child = analyze(plan.child);
            return { kind: 'limit', child, n: plan.n, output: child.output };
        }
        case 'offset': {
            const child = analyze(plan.child);
            return { kind: 'offset', child, n: plan.n, output: child.output };
        }
        case 'repartition': {
            const child = analyze(plan.child);
            const r = new ExprResolver(child.output);
            return { kind: 'repartition', child, numPartitions: plan.numPartitions, shuffle: plan.shuffle, by: plan.by.map((e) => r.resolve(e)), output: child.output };
        }
        case 'replicate': {
            const child = analyze(plan.child);
            const i = child.output.findIndex((a) => a.name === plan.countColumn);
            return { kind: 'replicate', child, countOrdinal: i, output: child.output.filter((_, j) => j !== i) };
        }
        case 'sample': {
            const child = analyze(plan.child);
            return { ...plan, child, output: child.output };
        }
        case 'pickColumns': {
            const child = analyze(plan.child);
            const output = plan.columns.map((c) => ({ ...child.output[c.ordinal], ...(c.name ? { name: c.name } : {}) }));
            const exprs = plan.columns.map((c) => {
                const a = child.output[c.ordinal];
                return { kind: 'input', ordinal: c.ordinal, type: a.type.simpleString(), nullable: a.nullable };
            });
            return { kind: 'project', child, exprs, output };
        }
        case 'broadcastHint':
            return { ...analyze(plan.child), broadcastHint: true };
        case 'cached': {
            const child = analyze(plan.child);
            return { kind: 'cached', child, holder: plan.holder, output: child.output };
        }
        case 'join':
            return analyzeJoin(plan, analyze, (e, input) => {
                const b = new ExprResolver(input).resolve(e);
                if (!typeOf(b).equals(BooleanType))
                    throw new AnalysisError('DATATYPE_MISMATCH', `join condition ${exprName(e)} is ${b.type}, not boolean`);
                return b;
            });
        case 'union':
            return analyzeUnion(plan);
        case 'distinct': {
            // Spark plans Distinct as an aggregate grouped by every column; dropDuplicates(subset) keeps the first row's
            // other columns.
            const child = analyze(plan.child);
            const names = child.output.map((a) => a.name);
            const subset = plan.subset ?? names;
            for (const s of subset)
                if (!names.some((n) => n.toLowerCase() === s.toLowerCase()))
                    throw unresolvedColumn(s, names);
            const inSubset = (n) => subset.some((s) => s.toLowerCase() === n.toLowerCase());
            return analyzeAggregate({
                kind: 'aggregate',
                child: plan.child,
                groupBy: subset.map((n) => ({ kind: 'column', name: n })),
                aggs: names.filter((n) => !inSubset(n)).map((n) => ({ kind: 'alias', name: n, child: { kind: 'call', name: 'first', args: [{ kind: 'column', name: n }, { kind: 'literal', value: false, type: null }] } })),
                keepOrder: names,
            });
        }
    }
}
const GENERATORS = new Set(['explode', 'explode_outer', 'posexplode', 'posexplode_outer']);
function isGenerator(e) {
    return e.kind === 'call' && GENERATORS.has(e.name.toLowerCase());
}
/**
 * select(..., explode(arr), ...): a Generate node adds the element column(s) (col, or key/value for maps; pos first
 * for posexplode) to the child's rows, and the select is resolved over that. One generator per select, as Spark.
 */
function analyzeGenerate(plan, at) {
    if (plan.exprs.filter((e) => isGenerator(e.kind === 'alias' ? e.child : e)).length > 1) {
        throw new AnalysisError('UNSUPPORTED_GENERATOR.MULTI_GENERATOR', 'only one generator (explode, posexplode, ...) is allowed per select');
    }
    const child = analyze(plan.child);
    const g = plan.exprs[at];
    const call = (g.kind === 'alias' ? g.child : g);
    const name = call.name.toLowerCase();
    const arg = new ExprResolver(child.output).resolve(call.args[0]);
    const t = typeOf(arg);
    const position = name.startsWith('posexplode');
    const outer = name.endsWith('_outer');
    const generated = [];
    if (position)
        generated.push({ name: 'pos', type: IntegerType, nullable: outer });
    let isMap = false;
    if (t instanceof ArrayType)
        generated.push({ name: g.kind === 'alias' && !g.names ? g.name : 'col', type: t.elementType, nullable: true });
    else if (t instanceof MapType) {
        isMap = true;
        generated.push({ name: 'key', type: t.keyType, nullable: outer }, { name: 'value', type: t.valueType, nullable: true });
    }
    else {
        throw new AnalysisError('DATATYPE_MISMATCH', `${name} needs an array or a map, not ${t.simpleString()}`);
    }
    if (g.kind === 'alias' && g.names) {
        // LATERAL VIEW f(x) t AS a, b names every generated column.
        if (g.names.length !== generated.length) {
            throw new AnalysisError('UDTF_ALIAS_NUMBER_MISMATCH', `${name} makes ${generated.length} columns (${generated.map((a) => a.name).join(', ')}) but ${g.names.length} names were given`);
        }
        g.names.forEach((n, k) => (generated[k] = { ...generated[k], name: n }));
    }
    if (g.kind === 'alias' && g.qualifier)
        generated.forEach((a, k) => (generated[k] = { ...a, qualifier: g.qualifier }));
    const genPlan = { kind: 'generate', child, generator: arg, outer, position, isMap, output: [...child.output, ...generated] };
    // The select over [child columns..., generated...]: the generator's place takes the generated columns.
    const r = new ExprResolver(genPlan.output);
    const exprs = [];
    const output = [];
    plan.exprs.forEach((e, i) => {
        if (i === at) {
            generated.forEach((a, k) => {
                exprs.push({ kind: 'input', ordinal: child.output.length + k, type: a.type.simpleString(), nullable: a.nullable });
                output.push(a);
            });
            return;
        }
        if (e.kind === 'star') {
            child.output.forEach((a, j) => {
                exprs.push({ kind: 'input', ordinal: j, type: a.type.simpleString(), nullable: a.nullable });
                output.push(a);
            });
            return;
        }
        const b = r.resolve(e);
        exprs.push(b);
        output.push({ name: outputName(e), type: typeOf(b), nullable: nullable(b) });
    });
    return { kind: 'project', child: genPlan, exprs, output };
}
/** union by position (types widened) or by name (unionByName, optionally filling missing columns with nulls). */
function analyzeUnion(plan) {
    const children = plan.children.map(analyze);
    const first = children[0];
    const names = first.output.map((a) => a.name);
    const aligned = children.map((c, ci) => {
        if (!plan.byName) {
            if (c.output.length !== names.length) {
                throw new AnalysisError('NUM_COLUMNS_MISMATCH', `union needs the same number of columns: the first input has ${names.length}, input ${ci + 1} has ${c.output.length}`);
            }
            return c.output.map((_, i) => i);
        }
        return names.map((n) => {
            const i = c.output.findIndex((a) => a.name.toLowerCase() === n.toLowerCase());
            if (i < 0 && !plan.allowMissingColumns)
                throw unresolvedColumn(n, c.output.map((a) => a.name));
            return i;
        });
    });
    const types = names.map((_, k) => {
        const t = commonTypeOf(children.map((c, ci) => (aligned[ci][k] >= 0 ? c.output[aligned[ci][k]].type : NullType)));
        if (!t)
            throw new AnalysisError('INCOMPATIBLE_COLUMN_TYPE', `column '${names[k]}' has incompatible types across the union`);
        return t;
    });
    const projected = children.map((c, ci) => {
        const exprs = aligned[ci].map((i, k) => i < 0 ? { kind: 'literal', value: null, type: types[k].simpleString() } : cast({ kind: 'input', ordinal: i, type: c.output[i].type.simpleString(), nullable: c.output[i].nullable }, types[k]));
        const output = names.map((n, k) => ({ name: n, type: types[k], nullable: true }));
        return { kind: 'project', child: c, exprs, output };
    });
    return { kind: 'union', children: projected, output: names.map((n, k) => ({ name: n, type: types[k], nullable: true })) };
}
/**
 * groupBy(keys).agg(exprs): an Aggregate node whose output is [keys..., aggregate results...], under a Project
 * that computes each requested expression from them (so `sum(x) / count(x)` and `max(y) + 1` work).
 */
function analyzeAggregate(plan, resolvedChild) {
    plan = { ...plan, aggs: plan.aggs.map(withDefaultArguments) };
    if (plan.groupingSets) {
        return analyzeGroupingSets(plan, analyze, (e, input) => new ExprResolver(input).resolve(e), (p, c) => analyzeAggregate(p, c));
    }
    const child = resolvedChild ?? analyze(plan.child);
    const r = new ExprResolver(child.output);
    const groupBy = plan.groupBy.map((g) => r.resolve(g));
    const keyNames = plan.groupBy.map(outputName);
    const aggs = [];
    const aggIndex = new Map();
    const aggOutput = groupBy.map((g, i) => ({ name: keyNames[i], type: typeOf(g), nullable: nullable(g) }));
    // Rewrites an agg expression over the aggregate's output: aggregate calls and group keys become inputs.
    const rewrite = (e) => {
        const keyAt = plan.groupBy.findIndex((g) => exprName(g).toLowerCase() === exprName(e).toLowerCase());
        if (keyAt >= 0 && e.kind !== 'literal')
            return { kind: 'column', name: `#key${keyAt}` };
        if (e.kind === 'call' && lookupAggregate(e.name)) {
            const key = exprName(e);
            let at = aggIndex.get(key);
            if (at === undefined) {
                const f = lookupAggregate(e.name);
                const args = e.args.map((a) => r.resolve(a));
                const res = f.resolve(args.map(typeOf), args.map((a) => (a.kind === 'literal' ? a.value : undefined)));
                at = aggs.length;
                aggIndex.set(key, at);
                aggs.push({
                    name: f.name,
                    args: args.map((a, i) => cast(a, res.argTypes[i] ?? typeOf(a))),
                    distinct: !!e.distinct,
                    type: res.returnType.simpleString(),
                });
            }
            return { kind: 'column', name: `#agg${at}` };
        }
        switch (e.kind) {
            case 'column':
                throw new AnalysisError('MISSING_AGGREGATION', `column '${e.name}' is neither grouped by nor inside an aggregate function; add it to groupBy(...) or wrap it, e.g. first('${e.name}')`);
            case 'alias':
                return { ...e, child: rewrite(e.child) };
            case 'unary':
            case 'cast':
                return { ...e, child: rewrite(e.child) };
            case 'binary':
                return { ...e, left: rewrite(e.left), right: rewrite(e.right) };
            case 'case':
                return { ...e, branches: e.branches.map((b) => ({ when: rewrite(b.when), then: rewrite(b.then) })), otherwise: e.otherwise ? rewrite(e.otherwise) : null };
            case 'in':
                return { ...e, child: rewrite(e.child), list: e.list.map(rewrite) };
            case 'call':
                return { ...e, args: e.args.map(rewrite) };
            default:
                return e;
        }
    };
    const rewritten = plan.aggs.map(rewrite);
    aggs.forEach((a, i) => aggOutput.push({ name: `#agg${i}`, type: parseType(a.type), nullable: true }));
    const internal = aggOutput.map((a, i) => (i < groupBy.length ? { ...a, name: `#key${i}` } : a));
    const aggregate = { kind: 'aggregate', child, groupBy, aggs, output: aggOutput };
    const pr = new ExprResolver(internal);
    const keysOut = plan.outputKeys === false ? 0 : groupBy.length;
    const exprs = [...groupBy.slice(0, keysOut).map((_, i) => pr.resolve({ kind: 'column', name: `#key${i}` })), ...rewritten.map((e) => pr.resolve(e))];
    const output = [
        ...aggOutput.slice(0, keysOut),
        ...rewritten.map((e, i) => ({ name: outputName(plan.aggs[i]), type: typeOf(exprs[keysOut + i]), nullable: true })),
    ];
    const projected = { kind: 'project', child: aggregate, exprs, output };
    if (!plan.keepOrder)
        return projected;
    // distinct/dropDuplicates keep the input's column order.
    const order = plan.keepOrder.map((n) => output.findIndex((a) => a.name.toLowerCase() === n.toLowerCase()));
    return {
        kind: 'project',
        child: projected,
        exprs: order.map((i) => ({ kind: 'input', ordinal: i, type: output[i].type.simpleString(), nullable: output[i].nullable })),
        output: order.map((i) => output[i]),
    };
}
//# sourceMappingURL=analyzer.js.map