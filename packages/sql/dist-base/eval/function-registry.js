import { guardedResolve } from '../agg/aggregate-function.js';
const registry = new Map();
export function registerFunction(f, ...aliases) {
    const checked = { ...f, resolve: guardedResolve(f.name, f.resolve.bind(f), false) };
    Object.setPrototypeOf(checked, Object.getPrototypeOf(f));
    for (const n of [f.name, ...aliases])
        registry.set(n.toLowerCase(), checked);
}
export function lookupFunction(name) {
    return registry.get(name.toLowerCase());
}
export function functionNames() {
    return [...registry.keys()].sort();
}
//# sourceMappingURL=function-registry.js.map