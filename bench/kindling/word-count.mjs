#!/usr/bin/env node
// Kindling word count, written as a user would write it against @kindling/core.
//   node bench/kindling/word-count.mjs [file]    (KINDLING_MASTER overrides local[2])
// Prints the top 20 as `word\tcount`, count desc then word asc.
import { Context } from '@kindling/core';

const path = process.argv[2] ?? new URL('../data/corpus.txt', import.meta.url).pathname;
const sc = new Context({ master: process.env.KINDLING_MASTER ?? 'local[2]', appName: 'wordcount' });
try {
  const counts = sc.textFile(path)
    .flatMap(line => line.split(' '))
    .map(w => [w.toLowerCase(), 1])
    .reduceByKey((a, b) => a + b);
  const top = await counts.top(20, ([w, c]) => c);
  top.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  process.stdout.write(top.map(([w, c]) => `${w}\t${c}\n`).join(''));
} finally {
  await sc.stop();
}
