/**
 * The scalar function library, registered under Spark SQL names when this module is imported (eval/evaluate.ts
 * imports it). One file per family; docs/SQL-FUNCTIONS.md lists them with their null behaviour.
 */
import './strings.js';
import './datetime.js';
import './math.js';
import './conditional.js';
import './collections.js';
export { functionNames, lookupFunction, registerFunction, type ScalarFunction } from '../eval/function-registry.js';
import './subquery.js';
//# sourceMappingURL=index.d.ts.map