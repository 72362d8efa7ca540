// Reduce-side join of users and purchases: total spent per user (users without purchases show 0;
// purchases of unknown users are reported).
//   tsx examples/reduce-side-join.ts [users.csv] [purchases.csv] [master]
import { Context } from '@kindling/core';

const data = (name: string) => new URL(`./data/${name}`, import.meta.url).pathname;
const sc = new Context({ master: process.argv[4] ?? 'local[2]', appName: 'reduce-side-join' });

// users.csv: id,name,city    purchases.csv: orderId,userId,item,amount
const users = sc.textFile(process.argv[2] ?? data('users.csv')).map((l) => {
  const [id, name, city] = l.split(',');
  return [Number(id), { name: name!, city: city! }] as [number, { name: string; city: string }];
});
const purchases = sc.textFile(process.argv[3] ?? data('purchases.csv')).map((l) => {
  const [, userId, item, amount] = l.split(',');
  return [Number(userId), { item: item!, amount: Number(amount) }] as [number, { item: string; amount: number }];
});

const joined = users.fullOuterJoin(purchases);
const totals = joined
  .filter(([, [user]]) => user !== null)
  .map(([id, [user, p]]) => [`${id} ${user!.name} (${user!.city})`, p ? p.amount : 0] as [string, number])
  .reduceByKey((a, b) => a + b)
  .sortByKey();
const orphans = joined.filter(([, [user]]) => user === null).map(([id, [, p]]) => `user ${id}: ${p!.item}`);

for (const [user, total] of await totals.collect()) console.log(`${user.padEnd(26)} ${total.toFixed(2)}`);
for (const o of await orphans.collect()) console.log(`purchase with unknown ${o}`);
await sc.stop();
