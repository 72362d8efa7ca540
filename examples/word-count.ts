// Word count: the classic first Spark job. Prints the 20 most frequent words.
//   pnpm example:wordcount            (on the bundled sample)
//   tsx examples/word-count.ts <path-or-glob> [master]
import { Context } from '@kindling/core';

const input = process.argv[2] ?? new URL('./data/gettysburg-and-two-cities.txt', import.meta.url).pathname;
const sc = new Context({ master: process.argv[3] ?? 'local[2]', appName: 'word-count' });

const counts = sc
  .textFile(input)
  .flatMap((line) => line.toLowerCase().split(/[^a-z0-9']+/))
  .filter((word) => word.length > 0)
  .map((word) => [word, 1] as [string, number])
  .reduceByKey((a, b) => a + b);

for (const [word, count] of await counts.top(20, ([w, c]) => [c, w])) {
  console.log(`${String(count).padStart(6)}  ${word}`);
}
await sc.stop();
