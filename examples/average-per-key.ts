// Average per key with a combiner: (sum, count) per key, combined inside each task before the shuffle,
// then divided. Input lines: name,subject,score.
//   tsx examples/average-per-key.ts [scores.csv] [master]
import { Context } from '@kindling/core';

const input = process.argv[2] ?? new URL('./data/scores.csv', import.meta.url).pathname;
const sc = new Context({ master: process.argv[3] ?? 'local[2]', appName: 'average-per-key' });

const averages = sc
  .textFile(input)
  .map((line) => line.split(','))
  .map(([name, , score]) => [name!, Number(score)] as [string, number])
  .combineByKey(
    (score) => [score, 1] as [number, number],
    ([sum, n], score) => [sum + score, n + 1] as [number, number],
    ([s1, n1], [s2, n2]) => [s1 + s2, n1 + n2] as [number, number],
  )
  .mapValues(([sum, n]) => sum / n)
  .sortByKey();

for (const [name, avg] of await averages.collect()) console.log(`${name.padEnd(8)} ${avg.toFixed(2)}`);
await sc.stop();
