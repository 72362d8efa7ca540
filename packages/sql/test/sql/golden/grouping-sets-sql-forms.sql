# GROUP BY ROLLUP / CUBE / GROUPING SETS written other ways: HAVING over grouping sets, WITH ROLLUP, a grouping() filter.

statement
CREATE TEMP VIEW s AS VALUES ('a', 'x', 1), ('a', 'y', 2), ('b', 'x', 4) AS s(k1, k2, v)

query
SELECT k1, k2, sum(v) AS total FROM s GROUP BY ROLLUP(k1, k2) ORDER BY k1 NULLS LAST, k2 NULLS LAST
----
k1 | k2 | total
a | x | 1
a | y | 2
a | NULL | 3
b | x | 4
b | NULL | 4
NULL | NULL | 7

query
SELECT k1, k2, sum(v) AS total, grouping(k1) AS g1 FROM s GROUP BY CUBE(k1, k2) HAVING k1 IS NULL ORDER BY k2 NULLS LAST
----
k1 | k2 | total | g1
NULL | x | 5 | 1
NULL | y | 2 | 1
NULL | NULL | 7 | 1

query
SELECT k1, k2, count(*) AS n FROM s GROUP BY GROUPING SETS ((k1), (k2)) ORDER BY k1 NULLS LAST, k2 NULLS LAST
----
k1 | k2 | n
a | NULL | 2
b | NULL | 1
NULL | x | 2
NULL | y | 1

query
SELECT k1, sum(v) AS total FROM s GROUP BY k1 WITH ROLLUP ORDER BY k1 NULLS LAST
----
k1 | total
a | 3
b | 4
NULL | 7
