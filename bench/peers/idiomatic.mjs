#!/usr/bin/env node
// Peer "idiomatic-js": what one would write by hand in Node — readline over a
// read stream, split, count in a Map, sort. Single-threaded.
//
//   node bench/peers/idiomatic.mjs wordcount|topurls [file]
import fs from 'node:fs';
import readline from 'node:readline';
import { jobArgs, printTop, compareCountThenKey } from '../lib/common.mjs';

const { job, file, top } = jobArgs();
const rl = readline.createInterface({ input: fs.createReadStream(file, { highWaterMark: 1 << 20 }), crlfDelay: Infinity });
const counts = new Map();
if (job === 'wordcount') {
  for await (const line of rl) {
    for (const word of line.split(' ')) {
      const w = word.toLowerCase();
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
} else {
  for await (const line of rl) {
    const url = line.split(' ')[6];
    counts.set(url, (counts.get(url) ?? 0) + 1);
  }
}
printTop([...counts].sort(compareCountThenKey).slice(0, top));
