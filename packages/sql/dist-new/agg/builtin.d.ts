import './approx-count-distinct.js';
import './percentile.js';
import './correlation.js';
import './moments.js';
import './conditional.js';
//# sourceMappingURL=builtin.d.ts.map