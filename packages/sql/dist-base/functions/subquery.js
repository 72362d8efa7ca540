import { LongType } from '../types/data-types.js';
import { SqlError } from '../eval/errors.js';
import { define } from './helpers.js';
/**
 * The value of an uncorrelated scalar subquery, from the one-row aggregate analysis/subquery.ts puts over it:
 * `__scalar_subquery_value(count(1), first(v))` is v, NULL for no row, and Spark's runtime error for more than one.
 * Internal (the double underscore keeps it out of the way of user names); the docs do not list it as a function.
 */
define({
    name: '__scalar_subquery_value',
    args: [2, 2],
    resolve(types) {
        return { returnType: types[1], argTypes: [LongType, types[1]] };
    },
    evaluate(args, n) {
        const [count, value] = args;
        for (let i = 0; i < n; i++) {
            const c = count.values[i];
            if (c > 1n) {
                throw new SqlError('SCALAR_SUBQUERY_TOO_MANY_ROWS', `More than one row returned by a subquery used as an expression (it returned ${c} rows); make it return at most one row, e.g. with an aggregate or limit(1).`, { sqlState: '21000' });
            }
        }
        return value;
    },
    deterministic: false,
});
//# sourceMappingURL=subquery.js.map