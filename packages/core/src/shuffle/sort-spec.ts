import type { FnParam } from '../lineage/fn-param.js';

/** Ordering of a reduce partition by key; `keyFn` maps a key to the value it sorts by (PySpark's keyfunc). */
export interface SortSpec {
  ascending: boolean;
  keyFn: FnParam | null;
}
