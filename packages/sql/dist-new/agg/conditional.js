import { compareKeys } from '@kindling/core';
import { AnalysisError } from '../analysis/errors.js';
import { BooleanType, LongType, NullType } from '../types/data-types.js';
import { wrongArgs } from './arg-checks.js';
import { registerAggregate } from './aggregate-function.js';
// Aggregates over conditions and by-value picks: count_if, bool_and/every, bool_or/some/any, max_by, min_by.
function needBoolean(name, argTypes) {
    if (argTypes.length !== 1)
        throw wrongArgs(name, '1 boolean argument');
    if (argTypes[0] !== BooleanType && argTypes[0] !== NullType) {
        throw new AnalysisError('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE', `${name} needs a boolean argument, not ${argTypes[0].simpleString()}`);
    }
}
const countIf = {
    name: 'count_if',
    resolve(argTypes) {
        needBoolean('count_if', argTypes);
        return { returnType: LongType, argTypes: [BooleanType] };
    },
    init: () => 0,
    update: (s, [v]) => (v === true || v === 1 ? s + 1 : s),
    merge: (a, b) => a + b,
    finish: (s) => BigInt(s),
};
/** bool_and / bool_or: NULL for no non-null input, as Spark. Booleans arrive as true/false or 1/0. */
const boolFold = (name, isAnd) => ({
    name,
    resolve(argTypes) {
        needBoolean(name, argTypes);
        return { returnType: BooleanType, argTypes: [BooleanType] };
    },
    init: () => null,
    update(s, [v]) {
        if (v === null)
            return s;
        const b = v === true || v === 1;
        return s === null ? b : isAnd ? s && b : s || b;
    },
    merge: (a, b) => (a === null ? b : b === null ? a : isAnd ? a && b : a || b),
    finish: (s) => s,
});
/** max_by(x, ord) / min_by(x, ord): x of the row with the largest (smallest) non-null ord. */
const byValue = (name, sign) => ({
    name,
    resolve(argTypes) {
        if (argTypes.length !== 2)
            throw wrongArgs(name, '2 arguments (value, ordering)');
        return { returnType: argTypes[0], argTypes: [argTypes[0], argTypes[1]] };
    },
    init: () => null,
    update(s, [x, ord]) {
        if (ord === null)
            return s;
        return s === null || sign * compareKeys(ord, s[1]) >= 0 ? [x, ord] : s; // ties: the later row, as Spark
    },
    merge: (a, b) => (a === null ? b : b === null ? a : sign * compareKeys(b[1], a[1]) >= 0 ? b : a),
    finish: (s) => (s === null ? null : s[0]),
});
registerAggregate(countIf);
registerAggregate(boolFold('bool_and', true), 'every');
registerAggregate(boolFold('bool_or', false), 'some', 'any');
registerAggregate(byValue('max_by', 1));
registerAggregate(byValue('min_by', -1));
//# sourceMappingURL=conditional.js.map