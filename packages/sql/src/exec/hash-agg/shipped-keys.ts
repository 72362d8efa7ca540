import * as arrow from 'apache-arrow';
import { vecFromArrow } from '../../eval/arrow-convert.js';
import { parseType } from '../../types/parse-type.js';
import { lazyColumns, type ColumnarBatch } from '../columnar-batch.js';
import type { DictionaryDelta } from './key-encoders.js';

const STRING = parseType('string');
const DICT: arrow.Dictionary = new arrow.Dictionary(new arrow.Utf8(), new arrow.Int32());

/**
 * The final aggregate's side of shipped string keys (see ShippedDictionary): the dictionaries of the map outputs,
 * grown by each chunk's delta, and the partial batches' code columns turned into dictionary-encoded string
 * columns over them, which the key encoder reads as it reads a cached block (one lookup per entry).
 */
export class ShippedKeys {
  private readonly chunks = new Map<string, { chunks: arrow.Data[]; size: number }>();
  private output = '';

  /**
   * Adds a partial chunk's deltas to its map output's dictionaries. A reduce partition reads its map outputs one
   * after another (core's shuffle reader keeps map order), so a new output's first delta lets the previous
   * output's dictionaries go; a delta that does not continue its dictionary fails loudly instead of mis-decoding.
   */
  add(dicts: (DictionaryDelta | null)[] | undefined): void {
    for (const delta of dicts ?? []) {
      if (!delta) continue;
      if (delta.output !== this.output) {
        this.output = delta.output;
        this.chunks.clear();
      }
      let d = this.chunks.get(delta.id);
      if (!d) this.chunks.set(delta.id, (d = { chunks: [], size: 0 }));
      if (delta.from !== d.size) throw new Error(`internal: shipped dictionary ${delta.id} expected entries from ${d.size}, got ${delta.from}`);
      const n = delta.offsets.length - 1;
      if (d.chunks.length === 0 || n > 0) {
        d.chunks.push(arrow.makeData({ type: new arrow.Utf8(), length: n, nullCount: 0, valueOffsets: delta.offsets, data: delta.bytes }));
        d.size += n;
      }
    }
  }

  /** The partial batch with its code columns (dicts[c] set) as dictionary-encoded strings. */
  batch(b: ColumnarBatch, dicts: (DictionaryDelta | null)[] | undefined): ColumnarBatch {
    if (!dicts || dicts.every((d) => d === null)) return b;
    const arrowCols = [...(b.arrow ?? b.columns.map(() => undefined))];
    dicts.forEach((delta, c) => {
      if (!delta) return;
      const codes = b.arrow?.[c];
      if (!codes || codes.typeId !== arrow.Type.Int || codes.offset !== 0) throw new Error(`internal: shipped key column ${c} is not Int32 codes`);
      arrowCols[c] = arrow.makeData({
        type: DICT,
        length: b.length,
        nullCount: codes.nullCount,
        nullBitmap: codes.nullCount > 0 ? codes.nullBitmap : undefined,
        data: codes.values as Int32Array,
        dictionary: new arrow.Vector(this.chunks.get(delta.id)!.chunks.slice()),
      });
    });
    const columns = lazyColumns(b.columns.length, (i) => (dicts[i] ? vecFromArrow(arrowCols[i]!, STRING) : b.columns[i]!));
    return { names: b.names, columns, length: b.length, arrow: arrowCols };
  }
}
