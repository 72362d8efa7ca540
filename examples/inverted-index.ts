// Inverted index: for each word, the documents that contain it.
//   tsx examples/inverted-index.ts [dir] [master]
import { basename } from 'node:path';
import { Context } from '@kindling/core';

const dir = process.argv[2] ?? new URL('./data/docs', import.meta.url).pathname;
const sc = new Context({ master: process.argv[3] ?? 'local[2]', appName: 'inverted-index' });

const index = sc
  .wholeTextFiles(dir)
  .flatMap(([path, text]) => {
    const doc = basename(path);
    return text
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((w) => w.length > 2)
      .map((w) => [w, doc] as [string, string]);
  })
  .distinct()
  .groupByKey()
  .mapValues((docs) => docs.sort())
  .sortByKey();

for (const [word, docs] of await index.collect()) console.log(`${word.padEnd(10)} ${docs.join(', ')}`);
await sc.stop();
