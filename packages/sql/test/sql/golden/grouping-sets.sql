# GROUP BY ROLLUP / CUBE / GROUPING SETS with grouping() and grouping_id() (an Expand under one aggregate).

statement
CREATE TEMP VIEW sales AS VALUES ('east', 'a', 10), ('east', 'b', NULL), ('west', 'a', 5), ('west', 'a', 7) AS sales(region, item, amount)

query
SELECT region, item, sum(amount) AS total, grouping(item) AS gi, grouping_id(region, item) AS gid FROM sales GROUP BY ROLLUP(region, item) ORDER BY region, item
----
region | item | total | gi | gid
NULL | NULL | 22 | 1 | 3
east | NULL | 10 | 1 | 1
east | a | 10 | 0 | 0
east | b | NULL | 0 | 0
west | NULL | 12 | 1 | 1
west | a | 12 | 0 | 0

query
SELECT region, item, count(*) AS n FROM sales GROUP BY CUBE(region, item) ORDER BY region, item
----
region | item | n
NULL | NULL | 4
NULL | a | 3
NULL | b | 1
east | NULL | 2
east | a | 1
east | b | 1
west | NULL | 2
west | a | 2

query
SELECT region, item, max(amount) AS m FROM sales GROUP BY GROUPING SETS ((region), (item)) ORDER BY region, item
----
region | item | m
NULL | a | 10
NULL | b | NULL
east | NULL | 10
west | NULL | 7

# grouping() tells the rolled-up NULL from a NULL key.
statement
CREATE TEMP VIEW s2 AS VALUES ('x', 1), (NULL, 2) AS s2(r, n)

query
SELECT r, sum(n) AS s, grouping(r) AS g FROM s2 GROUP BY ROLLUP(r) ORDER BY g, r
----
r | s | g
NULL | 2 | 0
x | 1 | 0
NULL | 3 | 1

error UNSUPPORTED_GROUPING_EXPRESSION
SELECT region, grouping(region) FROM sales GROUP BY region
