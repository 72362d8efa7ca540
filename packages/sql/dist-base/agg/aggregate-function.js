import { SqlError } from '../eval/errors.js';
const registry = new Map();
export function registerAggregate(f, ...aliases) {
    const checked = { ...f, resolve: guardedResolve(f.name, f.resolve.bind(f), true) };
    Object.setPrototypeOf(checked, Object.getPrototypeOf(f));
    for (const n of [f.name, ...aliases])
        registry.set(n.toLowerCase(), checked);
}
export function aggregateNames() {
    return [...registry.keys()].sort();
}
export function lookupAggregate(name) {
    return registry.get(name.toLowerCase());
}
/**
 * A function's resolve, checked for calls it cannot type: every aggregate takes an argument (count(*) arrives as
 * count(1)), and a resolve that fails on the argument list it was given (it reads an argument that is not there)
 * reports a wrong number of arguments instead of a JavaScript error.
 */
export function guardedResolve(name, resolve, needsArgument) {
    return (argTypes, literals) => {
        if (needsArgument && argTypes.length === 0)
            throw new SqlError('WRONG_NUM_ARGS.WITHOUT_SUGGESTION', `${name}() needs at least one argument`);
        try {
            return resolve(argTypes, literals);
        }
        catch (e) {
            if (e instanceof TypeError)
                throw new SqlError('WRONG_NUM_ARGS.WITHOUT_SUGGESTION', `${name} cannot take ${argTypes.length} argument${argTypes.length === 1 ? '' : 's'} (${argTypes.map((t) => t.simpleString()).join(', ')})`);
            throw e;
        }
    };
}
//# sourceMappingURL=aggregate-function.js.map