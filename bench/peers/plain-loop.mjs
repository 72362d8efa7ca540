#!/usr/bin/env node
// Peer "plain-loop": the exact user functions of bench/kindling/*.mjs applied by
// a plain single-threaded loop over the lines (no engine, no parallelism).
// Kindling's time relative to this one is its engine overhead net of its
// parallel speed-up. Its output is the reference every other peer must match.
//
//   node bench/peers/plain-loop.mjs wordcount|topurls [file]
import { forEachLine } from '../lib/lines.mjs';
import { jobArgs, printTop, compareCountThenKey } from '../lib/common.mjs';

const { job, file, top } = jobArgs();
const acc = new Map();

if (job === 'wordcount') {
  // bench/kindling/word-count.mjs: flatMap -> map -> reduceByKey
  const flatMapFn = line => line.split(' ');
  const mapFn = w => [w.toLowerCase(), 1];
  const reduceFn = (a, b) => a + b;
  forEachLine(file, (line) => {
    for (const w of flatMapFn(line)) {
      const [k, v] = mapFn(w);
      const prev = acc.get(k);
      acc.set(k, prev === undefined ? v : reduceFn(prev, v));
    }
  });
} else {
  // bench/kindling/top-urls.mjs: map -> reduceByKey
  const mapFn = line => [line.split(' ')[6], 1];
  const reduceFn = (a, b) => a + b;
  forEachLine(file, (line) => {
    const [k, v] = mapFn(line);
    const prev = acc.get(k);
    acc.set(k, prev === undefined ? v : reduceFn(prev, v));
  });
}
printTop([...acc].sort(compareCountThenKey).slice(0, top));
