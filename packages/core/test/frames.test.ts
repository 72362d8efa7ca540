import { describe, expect, it } from 'vitest';
import { decodeRecords, encodeRecords } from '../src/shuffle/codec.js';
import { encodeFrames, forEachFrame, FRAME_HEADER, framesOf, Slabs } from '../src/shuffle/frames.js';

const concat = (pieces: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of pieces) (out.set(p, at), (at += p.length));
  return out;
};

describe('shuffle frames', () => {
  it('frames [number, bytes] pairs by hand and decodes them to equal pairs (keys of any number, empty arrays)', () => {
    const pairs: [number, Uint8Array][] = [
      [0, Uint8Array.from([1, 2, 3])],
      [-0, new Uint8Array(0)],
      [2.5, Uint8Array.from({ length: 13 }, (_, i) => i)],
      [Number.NaN, Uint8Array.from([9])],
    ];
    const body = encodeRecords(pairs);
    expect(body[0]).toBe(0x4b); // hand framing, not v8's format (0xff)
    const back = decodeRecords(body) as [number, Uint8Array][];
    expect(back.map(([k]) => k)).toEqual([0, -0, 2.5, Number.NaN]);
    expect(Object.is(back[1]![0], -0)).toBe(true);
    expect(back.map(([, b]) => [...b])).toEqual(pairs.map(([, b]) => [...b]));
  });

  it('keeps v8 serialization for anything else, including Buffers and pairs with a non-number key', () => {
    const mixed = [[1, Buffer.from('ab')], ['k', new Uint8Array([1])], [3, new Uint8Array([2]), 4]];
    const body = encodeRecords(mixed);
    expect(body[0]).toBe(0xff);
    expect(decodeRecords(body)).toEqual(mixed);
  });

  it('starts every body 8-aligned, so byte records decode as views of the block; copies when asked to', () => {
    const records = Array.from({ length: 40 }, (_, i) => [i % 3, Uint8Array.from({ length: (i * 7) % 23 }, (_, j) => (i + j) & 255)]);
    const pieces: Uint8Array[] = [];
    // A small frame target: many frames, most of them with bodies that are not a multiple of 8 long before padding.
    encodeFrames(records, 64, pieces);
    encodeFrames([{ v8: 'frame' }, 'odd length'], 64, pieces);
    const block = concat(pieces);
    expect(block.length % 8).toBe(0);
    const seen: unknown[] = [];
    forEachFrame(block, (rs) => {
      for (const r of rs) {
        seen.push(r);
        if (Array.isArray(r)) expect((r[1] as Uint8Array).buffer).toBe(block.buffer); // a view, no copy
      }
    });
    expect(seen).toEqual([...records, { v8: 'frame' }, 'odd length']);
    expect([...framesOf(block)].flat()).toEqual(seen);
    const copy = decodeRecords(block.subarray(FRAME_HEADER, FRAME_HEADER + new DataView(block.buffer).getUint32(0, true)), false);
    expect((copy[0] as [number, Uint8Array])[1].buffer).not.toBe(block.buffer);
  });

  it('copies small frames into slabs at 8-aligned positions and keeps a large body as it is, with the same bytes as the pieces', () => {
    const slabs = new Slabs();
    const bodies = [encodeRecords([[1, new Uint8Array(5)]]), encodeRecords(['x']), encodeRecords([[2, new Uint8Array(300_000)]])];
    const framed: Uint8Array[] = [];
    for (const b of bodies) slabs.frame(b, framed);
    for (const f of framed) expect(f.byteOffset % 8).toBe(0);
    // the two small frames share a slab; the large body is one of the pieces, not a copy
    expect(framed[0]!.buffer).toBe(framed[1]!.buffer);
    expect(framed).toContain(bodies[2]);
    const pieces: Uint8Array[] = [];
    for (const b of bodies) encodeFrames(decodeRecords(b), 1 << 20, pieces);
    expect([...concat(framed)]).toEqual([...concat(pieces)]);
  });
});
