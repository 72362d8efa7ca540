import type { AggCall } from '../../analysis/resolved.js';
import { compileBound } from '../../eval/evaluate.js';
import type { Vec } from '../../eval/vec.js';
import { parseType } from '../../types/parse-type.js';
import { lazyColumns, type ColumnarBatch } from '../columnar-batch.js';
import { nullVec } from '../vec-ops.js';
import { deferGathers, gatherSource } from '../pending-gather.js';
import { JoinTable, Pairs } from './join-table.js';
import { deferTakes, linkArrowData, pendingTake, stringData, takeColumn, takeRows } from './take.js';

export interface JoinSpec {
  how: 'inner' | 'left' | 'right' | 'full' | 'left_semi' | 'left_anti' | 'cross';
  leftKeys: AggCall['args'];
  rightKeys: AggCall['args'];
  residual: AggCall['args'][number] | null;
  leftTypes: string[];
  rightTypes: string[];
  names: string[];
}

/**
 * One task's hash join: a table over the build side's keys (built once), probed by the streamed side batch by
 * batch. Each probe yields index vectors (stream row, build row); the residual condition is evaluated over just
 * the columns it reads at those pairs; output columns are gathered from the index vectors when first used
 * (index -1: the NULL row of an outer join's missing side). Rows of the build side that no probe matched (right or
 * full outer joins building that side) come out of `finish`. Without keys every pair is a candidate (nested loop).
 */
export class HashJoiner {
  private readonly table: JoinTable | null;
  private readonly pairs = new Pairs();
  private readonly residual: ((cols: Vec[], n: number) => Vec) | null;
  /** Build rows matched so far, when the build side's unmatched rows are kept. */
  private readonly buildMatched: Uint8Array | null;
  private readonly keepStream: boolean;
  private readonly semi: 'left_semi' | 'left_anti' | null;
  /** Whether the table is this joiner's own (a broadcast table is the worker's, for its later tasks). */
  private readonly ownsTable: boolean;

  constructor(
    private readonly spec: JoinSpec,
    private readonly buildSide: 'left' | 'right',
    private readonly build: ColumnarBatch,
    table?: JoinTable | null,
  ) {
    const h = spec.how;
    const [bk, pk] = buildSide === 'right' ? [spec.rightKeys, spec.leftKeys] : [spec.leftKeys, spec.rightKeys];
    this.ownsTable = table === undefined;
    this.table = table !== undefined ? table : bk.length ? new JoinTable(bk, pk, build) : null;
    this.residual = spec.residual ? compileBound(spec.residual) : null;
    const keepBuild = h === 'full' || (buildSide === 'right' ? h === 'right' : h === 'left');
    this.buildMatched = keepBuild ? new Uint8Array(build.length) : null;
    this.keepStream = h === 'full' || (buildSide === 'right' ? h === 'left' : h === 'right');
    this.semi = h === 'left_semi' || h === 'left_anti' ? h : null;
    if (this.semi && buildSide !== 'right') throw new Error(`internal: a ${h} join streams its left side`);
  }

  /** Candidate pairs of one streamed batch, then the ones the residual condition accepts. */
  private match(s: ColumnarBatch): { si: Int32Array; bi: Int32Array; n: number } {
    const p = this.pairs;
    if (this.table) this.table.probe(s, p);
    else {
      const B = this.build.length;
      p.n = 0;
      while (p.probe.length < s.length * B) p.grow();
      for (let i = 0; i < s.length; i++) for (let j = 0; j < B; j++) (p.probe[p.n] = i), (p.build[p.n++] = j);
    }
    let { probe: si, build: bi, n } = p;
    if (this.residual && n > 0) {
      const [l, r, li, ri] = this.buildSide === 'right' ? [s, this.build, si, bi] : [this.build, s, bi, si];
      const L = l.columns.length;
      const cols = lazyColumns(L + r.columns.length, (c) => (c < L ? takeColumn(l, c, li, n, false) : takeColumn(r, c - L, ri, n, false)));
      const cond = this.residual(cols, n);
      const keepS = new Int32Array(n);
      const keepB = new Int32Array(n);
      let m = 0;
      const v = cond.values;
      const nulls = cond.nulls;
      for (let k = 0; k < n; k++) if (v[k] && !(nulls && nulls[k])) (keepS[m] = si[k]!), (keepB[m++] = bi[k]!);
      si = keepS;
      bi = keepB;
      n = m;
    }
    return { si, bi, n };
  }

  /** The joined rows of one streamed batch (null when there are none). */
  probe(s: ColumnarBatch): ColumnarBatch | null {
    if (this.semi && this.table && !this.residual) return this.semiByLookup(s, this.table);
    if (this.keepStream && !this.buildMatched && this.table && !this.table.hasDuplicates && !this.residual) return this.outerByLookup(s, this.table);
    let { si, bi, n } = this.match(s);
    if (this.buildMatched) for (let k = 0; k < n; k++) this.buildMatched[bi[k]!] = 1;
    if (this.semi) {
      const matched = new Uint8Array(s.length);
      for (let k = 0; k < n; k++) matched[si[k]!] = 1;
      const want = this.semi === 'left_semi' ? 1 : 0;
      const rows = new Int32Array(s.length);
      let m = 0;
      for (let r = 0; r < s.length; r++) if (matched[r] === want) rows[m++] = r;
      if (m === 0) return null;
      return { ...takeRows(s, rows, m), names: this.spec.names };
    }
    let missing = false;
    if (this.keepStream) {
      const matched = new Uint8Array(s.length);
      for (let k = 0; k < n; k++) matched[si[k]!] = 1;
      let extra = 0;
      for (let r = 0; r < s.length; r++) extra += 1 - matched[r]!;
      if (extra > 0) {
        const s2 = new Int32Array(n + extra);
        const b2 = new Int32Array(n + extra);
        s2.set(si.subarray(0, n));
        b2.set(bi.subarray(0, n));
        let m = n;
        for (let r = 0; r < s.length; r++) if (matched[r] === 0) (s2[m] = r), (b2[m++] = -1);
        si = s2;
        bi = b2;
        n = m;
        missing = true;
      }
    }
    if (n === 0) return null;
    // The pair arrays are reused by the next probe: the lazy gathers need their own copies.
    if (si === this.pairs.probe && !this.pairs.owned) (si = si.slice(0, n)), (bi = bi.slice(0, n));
    return this.output(s, si, false, bi, missing, n);
  }

  /**
   * An outer join keeping the streamed rows, no key repeated on the build side, no residual condition: each streamed
   * row comes out once, in order, with its build row or NULLs, so the streamed columns pass through ungathered and
   * only the build side is taken (at the looked-up rows, -1 where none matched).
   */
  private outerByLookup(s: ColumnarBatch, table: JoinTable): ColumnarBatch | null {
    if (s.length === 0) return null;
    const bi = new Int32Array(s.length);
    table.lookup(s, bi);
    return this.output(s, null, false, bi, true, s.length);
  }

  /** A semi / anti join without a residual condition: whether a key has any build row is enough (no pairs). */
  private semiByLookup(s: ColumnarBatch, table: JoinTable): ColumnarBatch | null {
    const rows = new Int32Array(s.length);
    let m = 0;
    const want = this.semi === 'left_semi' ? 1 : 0;
    const found = table.contains(s);
    if (found !== null) {
      for (let r = 0; r < s.length; r++) {
        rows[m] = r;
        m += (found[r]! ^ want) ^ 1;
      }
    } else {
      const first = new Int32Array(s.length);
      table.lookup(s, first);
      for (let r = 0; r < s.length; r++) {
        rows[m] = r;
        m += ((first[r]! >>> 31) ^ want); // first >= 0: matched
      }
    }
    if (m === 0) return null;
    return { ...takeRows(s, rows, m), names: this.spec.names };
  }

  /** Gives its own table's arrays back for the thread's next table, once every streamed batch has been probed. */
  release(): void {
    if (this.ownsTable) this.table?.release();
  }

  /** Build rows no probe matched, with NULLs for the streamed side (right / full outer joins). */
  finish(): ColumnarBatch | null {
    const bm = this.buildMatched;
    if (!bm) return null;
    const rows = new Int32Array(bm.length);
    let m = 0;
    for (let j = 0; j < bm.length; j++) if (bm[j] === 0) rows[m++] = j;
    if (m === 0) return null;
    return this.output(null, new Int32Array(0), true, rows, false, m);
  }

  /** The joined batch; `si` null: the streamed rows as they are (its columns pass through). */
  private output(s: ColumnarBatch | null, si: Int32Array | null, sMissing: boolean, bi: Int32Array, bMissing: boolean, n: number): ColumnarBatch {
    const streamTypes = this.buildSide === 'right' ? this.spec.leftTypes : this.spec.rightTypes;
    const streamCol = (c: number): Vec => (!s ? nullVec(parseType(streamTypes[c]!), n) : si === null ? s.columns[c]! : takeColumn(s, c, si, n, sMissing));
    const buildCol = (c: number): Vec => takeColumn(this.build, c, bi, n, bMissing);
    const L = this.spec.leftTypes.length;
    const right = this.buildSide === 'right';
    // Output column c is column `at` of the streamed side or of the build side.
    const sideOf = (c: number) => ({ onStream: right === c < L, at: c < L ? c : c - L });
    const columns = lazyColumns(L + this.spec.rightTypes.length, (c) => {
      const { onStream, at } = sideOf(c);
      return onStream ? streamCol(at) : buildCol(at);
    });
    // A double column of either side read through its index vector (never one with -1 rows unless they mean NULL).
    deferGathers(columns, (c) => {
      const { onStream, at } = sideOf(c);
      if (onStream) return s !== null && si !== null && !sMissing ? gatherSource(s.columns[at]!, si, n) : null;
      return gatherSource(this.build.columns[at]!, bi, n);
    });
    deferTakes(columns, (c) => {
      const { onStream, at } = sideOf(c);
      if (!onStream) return { batch: this.build, col: at, idx: bi, n, mayMiss: bMissing };
      if (s === null) return null;
      return si === null ? pendingTake(s.columns, at) : { batch: s, col: at, idx: si, n, mayMiss: sMissing };
    });
    const types = [...this.spec.leftTypes, ...this.spec.rightTypes];
    const S = this.buildSide === 'right' ? 0 : L;
    const isStream = (i: number) => i >= S && i < S + streamTypes.length;
    const passed = s !== null && si === null;
    const arrow = stringData(columns, types.map((t, i) => t === 'string' && !(passed && isStream(i))));
    // Passed-through streamed columns keep their Arrow data (a string key downstream hashes it as it is).
    if (passed) for (let c = 0; c < streamTypes.length; c++) linkArrowData(arrow, S + c, s.arrow, c);
    return { names: this.spec.names, columns, length: n, arrow };
  }
}
