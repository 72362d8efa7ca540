# GROUP BY expressions, ordinals, aliases and ALL; HAVING with aggregates not selected; ORDER BY aggregates,
# aliases, ordinals and columns not selected; aggregates skip NULLs; global aggregates.

statement
CREATE TEMP VIEW sales AS VALUES ('east', 'a', 10), ('east', 'b', NULL), ('west', 'a', 5), ('west', 'a', 7), (NULL, 'c', 1) AS sales(region, item, amount)

query
SELECT region, sum(amount) AS total, count(*) AS n, count(amount) AS counted FROM sales GROUP BY region ORDER BY region
----
region | total | n | counted
NULL | 1 | 1 | 1
east | 10 | 2 | 1
west | 12 | 2 | 2

query
SELECT region, max(amount) FROM sales GROUP BY 1 HAVING count(*) > 1 ORDER BY 2 DESC
----
region | max(amount)
east | 10
west | 7

# HAVING and ORDER BY on aggregates that are not in the select list.
query
SELECT region FROM sales GROUP BY region HAVING sum(amount) > 5 ORDER BY min(amount)
----
region
west
east

# GROUP BY a select alias; ORDER BY the alias.
query
SELECT upper(item) AS it, sum(amount) s FROM sales GROUP BY it ORDER BY it
----
it | s
A | 22
B | NULL
C | 1

query
SELECT region, item, count(*) c FROM sales WHERE region IS NOT NULL GROUP BY ALL ORDER BY region, item
----
region | item | c
east | a | 1
east | b | 1
west | a | 2

# A global aggregate over no rows: count is 0, sum is NULL.
query
SELECT count(*) AS n, sum(amount) AS s, avg(amount) a FROM sales WHERE amount > 100
----
n | s | a
0 | NULL | NULL

query
SELECT count(DISTINCT region) AS regions, count(DISTINCT item) items FROM sales
----
regions | items
2 | 3

# HAVING without GROUP BY: one group, kept or not.
query
SELECT sum(amount) FROM sales HAVING count(*) = 5
----
sum(amount)
23

# ORDER BY an expression of the grouped column.
query
SELECT item, count(*) AS n FROM sales GROUP BY item ORDER BY n DESC, item
----
item | n
a | 3
b | 1
c | 1

error MISSING_AGGREGATION
SELECT region, amount FROM sales GROUP BY region

error GROUP_BY_POS_OUT_OF_RANGE
SELECT region FROM sales GROUP BY 3

# FILTER (WHERE ...): each aggregate over its own rows.
query
SELECT region, count(*) FILTER (WHERE amount > 6) AS big, sum(amount) FILTER (WHERE item = 'a') AS a_total FROM sales GROUP BY region ORDER BY region
----
region | big | a_total
NULL | 0 | NULL
east | 1 | 10
west | 1 | 12

query
SELECT count(*) FILTER (WHERE amount IS NULL) FROM sales
----
count(1) FILTER (WHERE (amount IS NULL))
1

# avg of decimal(p, s) is decimal(p + 4, s + 4) (bounded by 38; the values show its scale), its quotient rounded
# HALF_UP, as in Spark; sum is decimal(p + 10, s).
query
SELECT avg(x) AS a, sum(x) AS s FROM (SELECT CAST(y AS DECIMAL(10,2)) AS x FROM VALUES (1), (2), (2), (NULL) AS v(y))
----
a | s
1.666667 | 5.00

query
SELECT g, avg(x) AS a FROM VALUES (1, -0.0000001), (1, 0.0000000), (1, 0.0000000), (2, 1.5) AS v(g, x) GROUP BY g ORDER BY g
----
g | a
1 | -0.00000003333
2 | 1.50000000000

query
SELECT avg(x) AS a FROM (SELECT CAST(y AS DECIMAL(38,37)) AS x FROM VALUES (0.00000005), (0.0) AS v(y))
----
a
0.00000002500000000000000000000000000000
