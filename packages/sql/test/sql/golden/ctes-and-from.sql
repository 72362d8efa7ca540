# WITH (several CTEs, each seeing the earlier ones, column lists, shadowing a view), subqueries in FROM with
# column aliases, TABLE t, VALUES and range() as relations.

statement
CREATE TEMP VIEW nums AS SELECT id AS n FROM range(1, 6)

query
WITH evens AS (SELECT n FROM nums WHERE n % 2 = 0), doubled (d) AS (SELECT n * 2 FROM evens) SELECT * FROM doubled ORDER BY d
----
d
4
8

# A CTE named like a view hides it inside the query.
query
WITH nums AS (SELECT 42 AS n) SELECT n FROM nums
----
n
42

query
SELECT n FROM nums ORDER BY n DESC LIMIT 2
----
n
5
4

query
SELECT t.x + t.y AS s FROM (SELECT n, n * 10 FROM nums WHERE n < 3) AS t(x, y) ORDER BY s
----
s
11
22

query
TABLE nums
----
n
1
2
3
4
5

query
SELECT sum(id) AS s, count(*) AS c FROM range(0, 10, 3)
----
s | c
18 | 4

query
SELECT * FROM VALUES ('a', 1), ('b', NULL)
----
col1 | col2
a | 1
b | NULL

query
SELECT v.* FROM VALUES 1, 2 AS v(only) ORDER BY only DESC
----
only
2
1

error TABLE_OR_VIEW_NOT_FOUND
WITH x AS (SELECT 1) SELECT * FROM y

error ASSIGNMENT_ARITY_MISMATCH
SELECT * FROM nums AS t(a, b)
