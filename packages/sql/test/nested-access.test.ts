import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context } from '@kindling/core';
import { Session, col, functions as F } from '@kindling/sql';

let spark: Session;
beforeAll(() => {
  spark = new Session(new Context({ master: 'local[1]' }), new Map([['spark.sql.shuffle.partitions', '1']]));
});
afterAll(async () => {
  await spark.stop();
});

const people = () =>
  spark.createDataFrame(
    [
      { name: 'ann', address: { city: 'Oslo', zip: 1 }, tags: ['a', 'b'], scores: { math: 9 } },
      { name: 'bob', address: null, tags: null, scores: null },
      { name: 'cy', address: { city: null, zip: 3 }, tags: [], scores: { art: 4 } },
    ],
    'name string, address struct<city: string, zip: int>, tags array<string>, scores map<string, int>',
  );

describe('nested values in the DataFrame API', () => {
  it("col('s.f') reads a struct field (named by the field), getField / getItem name their path", async () => {
    const df = people().select(col('address.city'), col('address').getField('zip'), col('scores').getItem('math'), col('tags').getItem(1));
    expect(df.columns).toEqual(['city', 'address.zip', 'scores[math]', 'tags[1]']);
    // tags[1] on the empty array of 'cy' is out of bounds: select only the rows that have two tags for it.
    const rows = await people().filter(F.size('tags').geq(2)).select(col('address.city'), col('tags').getItem(1)).collect();
    expect(rows).toEqual([{ city: 'Oslo', 'tags[1]': 'b' }]);
    const fields = await people().select('name', col('address.zip'), col('scores').getItem('math').alias('math')).orderBy('name').collect();
    expect(fields).toEqual([
      { name: 'ann', zip: 1, math: 9 },
      { name: 'bob', zip: null, math: null },
      { name: 'cy', zip: 3, math: null },
    ]);
  });

  it('an index out of bounds is INVALID_ARRAY_INDEX under ANSI; an unknown field is FIELD_NOT_FOUND before running', async () => {
    await expect(people().select(col('tags').getItem(5)).collect()).rejects.toThrow(/INVALID_ARRAY_INDEX/);
    expect(() => people().select(col('address.street'))).toThrow(/FIELD_NOT_FOUND.*`city`, `zip`/);
    expect(() => people().select(col('name').getField('x'))).toThrow(/INVALID_EXTRACT_BASE_FIELD_TYPE/);
  });

  it('a table qualifier wins over a struct of the same name, as Spark resolves a.b', async () => {
    const t = spark.createDataFrame([{ a: { b: 1 }, b: 2 }], 'a struct<b: int>, b int').alias('a');
    expect(await t.select(col('a.b')).collect()).toEqual([{ b: 2 }]);
    expect(await t.select(col('a.a.b')).collect()).toEqual([{ b: 1 }]);
  });
});
