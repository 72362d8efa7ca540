#!/usr/bin/env node
// Kindling top-5 URLs over a Common Log Format access log, written as a user
// would write it against @kindling/core. The request path is field index 6.
//   node bench/kindling/top-urls.mjs [file]    (KINDLING_MASTER overrides local[2])
// Prints the top 5 as `url\tcount`, count desc then url asc.
import { Context } from '@kindling/core';

const path = process.argv[2] ?? new URL('../data/access.log', import.meta.url).pathname;
const sc = new Context({ master: process.env.KINDLING_MASTER ?? 'local[2]', appName: 'topurls' });
try {
  const counts = sc.textFile(path)
    .map(line => [line.split(' ')[6], 1])
    .reduceByKey((a, b) => a + b);
  const top = await counts.top(5, ([u, c]) => c);
  top.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  process.stdout.write(top.map(([u, c]) => `${u}\t${c}\n`).join(''));
} finally {
  await sc.stop();
}
