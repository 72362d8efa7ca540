# LATERAL VIEW [OUTER] explode / posexplode with table and column aliases.

statement
CREATE TEMP VIEW t AS SELECT * FROM VALUES (1, array(10, 20)), (2, array()), (3, NULL) AS t(id, xs)

query
SELECT id, x FROM t LATERAL VIEW explode(xs) e AS x ORDER BY id, x
----
id | x
1 | 10
1 | 20

query
SELECT id, x FROM t LATERAL VIEW OUTER explode(xs) e AS x ORDER BY id, x
----
id | x
1 | 10
1 | 20
2 | NULL
3 | NULL

query
SELECT id, p, v FROM t LATERAL VIEW posexplode(xs) e AS p, v ORDER BY id, p
----
id | p | v
1 | 0 | 10
1 | 1 | 20

query
SELECT id, col FROM t LATERAL VIEW explode(xs) e WHERE col > 10
----
id | col
1 | 20

error UDTF_ALIAS_NUMBER_MISMATCH
SELECT * FROM t LATERAL VIEW posexplode(xs) e AS only

# The view's alias qualifies its columns.
query
SELECT t.id, e.x FROM t LATERAL VIEW explode(xs) e AS x WHERE e.x < 15
----
id | x
1 | 10

query
SELECT e.pos, e.col FROM t LATERAL VIEW posexplode(xs) e WHERE id = 1 ORDER BY 1
----
pos | col
0 | 10
1 | 20
