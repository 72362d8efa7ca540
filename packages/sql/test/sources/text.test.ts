import { afterAll, describe, expect, it } from 'vitest';
import { textFormat } from '../../src/sources/text/index.js';
import { fileOf, readAll, tempDir, writeText } from './helpers.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

describe('text source', () => {
  it('reads one value per line, CRLF aware, across splits', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `line ${i} ünïcode`);
    const p = writeText(dir, 'a.txt', lines.join('\r\n'));
    const s = textFormat.inferSchema([fileOf(p)], {});
    expect(s.simpleString()).toBe('struct<value:string>');
    for (const parts of [1, 4, 33]) expect(readAll(textFormat, [p], s, {}, undefined, parts).map((r) => r.value)).toEqual(lines);
  });

  it('reads a whole file as one row with wholetext', () => {
    const p = writeText(dir, 'b.txt', 'a\nb\n');
    expect(readAll(textFormat, [p], textFormat.inferSchema([], {}), { wholetext: 'true' }, undefined, 4)).toEqual([{ value: 'a\nb\n' }]);
  });
});
