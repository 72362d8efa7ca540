// Top-5 URLs of an access log: the Spark version of
//   awk '{print $7}' access.log | sort | uniq -c | sort -rn | head -5
//   tsx examples/top-urls.ts [access.log] [master]
import { Context } from '@kindling/core';

const input = process.argv[2] ?? new URL('./data/access.log', import.meta.url).pathname;
const sc = new Context({ master: process.argv[3] ?? 'local[2]', appName: 'top-urls' });

const top = await sc
  .textFile(input)
  .map((line) => line.split(' ')[6])
  .filter((url): url is string => url !== undefined)
  .map((url) => [url, 1] as [string, number])
  .reduceByKey((a, b) => a + b)
  .top(5, ([url, n]) => [n, url]);

for (const [url, n] of top) console.log(`${String(n).padStart(7)} ${url}`);
await sc.stop();
