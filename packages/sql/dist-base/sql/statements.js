import { AnalysisError, suggest } from '../analysis/errors.js';
import { DataFrame } from '../api/dataframe.js';
import { StringType, StructField, StructType, BooleanType } from '../types/data-types.js';
import { QueryCompiler } from './compile.js';
/**
 * Runs one parsed statement. Queries give their DataFrame (lazy, as any DataFrame); the commands Spark runs
 * eagerly (CREATE VIEW, DROP VIEW, CACHE/UNCACHE TABLE, SET) take effect here, before the DataFrame is returned.
 */
export function runStatement(session, st) {
    const compiler = new QueryCompiler(session);
    const df = (plan) => {
        const d = new DataFrame(session, plan);
        d.resolved();
        return d;
    };
    switch (st.kind) {
        case 'query':
            return df(compiler.query(st.query));
        case 'createView': {
            const view = df(compiler.query(st.query));
            const plan = st.columns ? renamed(view, st.columns, st.name) : view.plan;
            return createView(session, st.name, plan, st.replace, st.ifNotExists);
        }
        case 'createViewUsing': {
            const { path, ...options } = st.options;
            if (!path) {
                throw new AnalysisError('REQUIRED_OPTION_MISSING', `CREATE TEMP VIEW ${st.name} USING ${st.format} needs OPTIONS (path '...') naming the files to read`);
            }
            const reader = session.read.format(st.format).options(options);
            if (st.schema)
                reader.schema(st.schema);
            return createView(session, st.name, reader.load(path).plan, st.replace, st.ifNotExists);
        }
        case 'dropView': {
            if (!session.catalog.dropTempView(st.name) && !st.ifExists)
                throw notFound(session, st.name, 'DROP VIEW IF EXISTS');
            return empty(session);
        }
        case 'showTables': {
            const re = st.pattern === null ? null : showPattern(st.pattern);
            const names = session.catalog.listTables().filter((n) => !re || re.test(n));
            return session.createDataFrame(names.map((n) => ({ namespace: '', tableName: n, isTemporary: true })), new StructType([new StructField('namespace', StringType, false), new StructField('tableName', StringType, false), new StructField('isTemporary', BooleanType, false)]));
        }
        case 'describe':
            if (!session.catalog.hasView(st.name))
                throw notFound(session, st.name, 'DESCRIBE');
            return describe(session, session.table(st.name));
        case 'describeQuery':
            return describe(session, df(compiler.query(st.query)));
        case 'explain': {
            const text = df(compiler.query(st.query)).explainString(st.extended ? 'extended' : 'simple');
            return session.createDataFrame([{ plan: text }], new StructType([new StructField('plan', StringType, false)]));
        }
        case 'cacheTable': {
            if (st.query)
                createView(session, st.name, df(compiler.query(st.query)).plan, true, false);
            const plan = session.catalog.viewPlan(st.name);
            if (!plan)
                throw notFound(session, st.name, 'CACHE TABLE');
            if (plan.kind !== 'cached')
                session.catalog.registerView(st.name, { kind: 'cached', child: plan, holder: { level: 'MEMORY_AND_DISK', rdd: null } });
            return empty(session);
        }
        case 'uncacheTable': {
            const plan = session.catalog.viewPlan(st.name);
            if (!plan) {
                if (st.ifExists)
                    return empty(session);
                throw notFound(session, st.name, 'UNCACHE TABLE IF EXISTS');
            }
            if (plan.kind === 'cached') {
                plan.holder.rdd?.unpersist();
                plan.holder.rdd = null;
                session.catalog.registerView(st.name, plan.child);
            }
            return empty(session);
        }
        case 'set':
            return set(session, st.key, st.value);
    }
}
function renamed(view, names, name) {
    const cols = view.columns;
    if (cols.length !== names.length) {
        throw new AnalysisError('CREATE_VIEW_COLUMN_ARITY_MISMATCH', `view '${name}' names ${names.length} columns but its query has ${cols.length} (${cols.join(', ')})`);
    }
    if (new Set(cols.map((c) => c.toLowerCase())).size !== cols.length) {
        throw new AnalysisError('AMBIGUOUS_REFERENCE', `cannot name the columns of view '${name}': its query repeats column names (${cols.join(', ')}); alias them in the query`);
    }
    return { kind: 'project', child: view.plan, exprs: cols.map((c, i) => ({ kind: 'alias', child: { kind: 'column', name: c }, name: names[i] })) };
}
function createView(session, name, plan, replace, ifNotExists) {
    if (session.catalog.hasView(name) && !replace) {
        if (ifNotExists)
            return empty(session);
        throw new AnalysisError('TEMP_TABLE_OR_VIEW_ALREADY_EXISTS', `the temporary view '${name}' already exists; use CREATE OR REPLACE TEMP VIEW, or DROP VIEW first`);
    }
    session.catalog.registerView(name, plan);
    return empty(session);
}
function notFound(session, name, hint) {
    const near = suggest(name, session.catalog.listTables());
    return new AnalysisError('TABLE_OR_VIEW_NOT_FOUND', `the table or view '${name}' cannot be found${near.length ? `; did you mean '${near[0]}'?` : ''} (${hint} ignores a missing one)`);
}
/** SHOW TABLES LIKE patterns are Spark's: `*` matches anything, `|` separates alternatives, case-insensitive. */
function showPattern(p) {
    const alts = p.split('|').map((a) => a.trim().replace(/[.+?^${}()[\]\\]/g, '\\$&').replace(/\*/g, '.*'));
    return new RegExp(`^(?:${alts.join('|')})$`, 'i');
}
function describe(session, d) {
    return session.createDataFrame(d.schema.fields.map((f) => ({ col_name: f.name, data_type: f.dataType.simpleString(), comment: null })), new StructType([new StructField('col_name', StringType, false), new StructField('data_type', StringType, false), new StructField('comment', StringType, true)]));
}
function set(session, key, value) {
    const schema = new StructType([new StructField('key', StringType, false), new StructField('value', StringType, false)]);
    if (key === null) {
        const rows = [...session.conf.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => ({ key: k, value: v }));
        return session.createDataFrame(rows, schema);
    }
    if (value !== null)
        session.conf.set(key, value);
    return session.createDataFrame([{ key, value: session.conf.get(key) ?? '<undefined>' }], schema);
}
function empty(session) {
    return session.createDataFrame([], new StructType([]));
}
//# sourceMappingURL=statements.js.map