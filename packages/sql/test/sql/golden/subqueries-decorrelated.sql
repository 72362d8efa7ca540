# Subqueries decorrelated into joins (analysis/subquery.ts): the count bug, three-valued NOT IN and IN, non-equality
# correlation, EXISTS inside OR, HAVING and nested subqueries, the too-many-rows error.

statement
CREATE TEMP VIEW t AS VALUES (1, 10), (1, 20), (2, 5), (3, NULL), (NULL, 7) AS t(k, v)

statement
CREATE TEMP VIEW s AS VALUES (1, 10), (2, NULL), (2, 5), (4, 1) AS s(k, w)

# count(*) over no matching rows is 0, not NULL.
query
SELECT k, v, (SELECT count(*) FROM s WHERE s.k = t.k) AS c FROM t ORDER BY k, v
----
k | v | c
NULL | 7 | 0
1 | 10 | 1
1 | 20 | 1
2 | 5 | 2
3 | NULL | 0

error SCALAR_SUBQUERY_TOO_MANY_ROWS
SELECT k, (SELECT w FROM s) FROM t

error INVALID_SUBQUERY_EXPRESSION.SCALAR_SUBQUERY_RETURN_MORE_THAN_ONE_OUTPUT_COLUMN
SELECT k, (SELECT k, w FROM s) FROM t

# A NULL in the subquery: NOT IN is never true.
query
SELECT k FROM t WHERE v NOT IN (SELECT w FROM s)
----
k

# Without it: a NULL v is still dropped (the subquery is not empty).
query
SELECT k, v FROM t WHERE v NOT IN (SELECT w FROM s WHERE w IS NOT NULL) ORDER BY k
----
k | v
NULL | 7
1 | 20

# Correlated: an empty group keeps the row, even with a NULL v; a match (or a NULL in the group) drops it.
query
SELECT k, v FROM t WHERE v NOT IN (SELECT w FROM s WHERE s.k = t.k) ORDER BY k, v
----
k | v
NULL | 7
1 | 20
3 | NULL

# IN as a value: TRUE, or NULL when nothing matched and v or a subquery row is NULL.
query
SELECT v, v IN (SELECT w FROM s) AS f FROM t ORDER BY v
----
v | f
NULL | NULL
5 | true
7 | NULL
10 | true
20 | NULL

query
SELECT k, v FROM t WHERE EXISTS (SELECT * FROM s WHERE s.k = t.k AND s.w < t.v) ORDER BY k, v
----
k | v
1 | 20

query
SELECT k, v FROM t WHERE NOT EXISTS (SELECT * FROM s WHERE s.k = t.k AND s.w < t.v) ORDER BY k, v
----
k | v
NULL | 7
1 | 10
2 | 5
3 | NULL

query
SELECT k, v FROM t WHERE EXISTS (SELECT 1 FROM s WHERE s.k = t.k) OR v IS NULL ORDER BY k, v
----
k | v
1 | 10
1 | 20
2 | 5
3 | NULL

# avg(w) is 16/3.
query
SELECT k, sum(v) AS total FROM t GROUP BY k HAVING sum(v) > (SELECT avg(w) FROM s) ORDER BY k
----
k | total
NULL | 7
1 | 30

query
SELECT k FROM t WHERE k IN (SELECT k FROM s WHERE w > (SELECT min(w) FROM s)) ORDER BY k
----
k
1
1
2

query
SELECT k, v FROM t WHERE v > (SELECT avg(w) FROM s WHERE s.k = t.k) ORDER BY k, v
----
k | v
1 | 20

error UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.MUST_AGGREGATE_CORRELATED_SCALAR_SUBQUERY
SELECT k, (SELECT w FROM s WHERE s.k = t.k) FROM t
