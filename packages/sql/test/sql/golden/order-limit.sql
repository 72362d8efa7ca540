# ORDER BY: ASC puts NULLs first and DESC last unless told; ordinals, aliases, expressions and columns that are
# not selected; LIMIT, OFFSET, LIMIT ALL.

statement
CREATE TEMP VIEW t AS VALUES (1, 'b', 3.5), (2, NULL, 1.0), (3, 'a', NULL), (4, 'b', 2.0) AS t(id, s, x)

query
SELECT id, s FROM t ORDER BY s, id
----
id | s
2 | NULL
3 | a
1 | b
4 | b

query
SELECT id, s FROM t ORDER BY s DESC, id DESC
----
id | s
4 | b
1 | b
3 | a
2 | NULL

query
SELECT id FROM t ORDER BY x NULLS FIRST
----
id
3
2
4
1

query
SELECT id, x FROM t ORDER BY x DESC NULLS FIRST
----
id | x
3 | NULL
1 | 3.5
4 | 2.0
2 | 1.0

# Sorting by an alias, by a column that is not selected, by an expression.
query
SELECT id * 10 AS big FROM t ORDER BY big DESC
----
big
40
30
20
10

query
SELECT s FROM t WHERE s IS NOT NULL ORDER BY x
----
s
a
b
b

query
SELECT id FROM t ORDER BY -id
----
id
4
3
2
1

query
SELECT id FROM t ORDER BY id LIMIT 2 OFFSET 1
----
id
2
3

query
SELECT id FROM t ORDER BY id OFFSET 3
----
id
4

query
SELECT id FROM t ORDER BY id LIMIT ALL
----
id
1
2
3
4

query
SELECT id FROM t ORDER BY id LIMIT 0
----
id

error ORDER_BY_POS_OUT_OF_RANGE
SELECT id FROM t ORDER BY 2

error INVALID_LIMIT_LIKE_EXPRESSION
SELECT id FROM t LIMIT -1
