# Subquery expressions: IN / NOT IN, EXISTS / NOT EXISTS (correlated), scalar subqueries.

statement
CREATE TEMP VIEW orders AS VALUES (1, 10, 100), (2, 10, 50), (3, 20, 70), (4, 30, NULL) AS orders(id, customer, total)

statement
CREATE TEMP VIEW customers AS VALUES (10, 'ann'), (20, 'bob'), (40, 'cy') AS customers(id, name)

query
SELECT id FROM orders WHERE customer IN (SELECT id FROM customers) ORDER BY id
----
id
1
2
3

query
SELECT name FROM customers c WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer = c.id)
----
name
cy

query
SELECT name FROM customers c WHERE EXISTS (SELECT * FROM orders o WHERE o.customer = c.id AND o.total > 60) ORDER BY name
----
name
ann
bob

# avg(total) is 73.33 (the NULL is skipped).
query
SELECT id, total, (SELECT max(total) FROM orders) AS top FROM orders WHERE total > (SELECT avg(total) FROM orders) ORDER BY id
----
id | total | top
1 | 100 | 100

# Correlated scalar subquery: each customer's largest order (NULL without orders).
query
SELECT name, (SELECT max(total) FROM orders o WHERE o.customer = c.id) AS biggest FROM customers c ORDER BY name
----
name | biggest
ann | 100
bob | 70
cy | NULL

# NOT IN with a NULL in the subquery: never true.
query
SELECT count(*) AS n FROM customers WHERE id NOT IN (SELECT total FROM orders)
----
n
0
