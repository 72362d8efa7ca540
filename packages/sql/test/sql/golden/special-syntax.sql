# NATURAL joins, POSITION(a IN b) / locate, TRIM(BOTH|LEADING|TRAILING c FROM s), (a, b) IN (subquery), tuples as
# structs, IGNORE NULLS / RESPECT NULLS. Answers checked against Spark 4.0.1.

statement
CREATE TEMP VIEW l AS VALUES (1, 'x'), (2, 'y'), (NULL, 'n') AS l(id, a)

statement
CREATE TEMP VIEW r AS VALUES (1, 'p'), (3, 'q'), (NULL, 'm') AS r(id, b)

# NATURAL: USING the shared columns, which come first and once; NULL keys never match.
query
SELECT * FROM l NATURAL JOIN r
----
id | a | b
1 | x | p

query unordered
SELECT * FROM l NATURAL FULL OUTER JOIN r
----
id | a | b
1 | x | p
2 | y | NULL
NULL | n | NULL
3 | NULL | q
NULL | NULL | m

query unordered
SELECT * FROM l NATURAL LEFT JOIN r
----
id | a | b
1 | x | p
2 | y | NULL
NULL | n | NULL

# No shared column: a cross join. NATURAL alone is still an alias.
query
SELECT * FROM VALUES (1, 'x') AS a(i, s) NATURAL JOIN VALUES (2, 'p') AS b(k, t)
----
i | s | k | t
1 | x | 2 | p

query
SELECT 1 natural
----
natural
1

error PARSE_SYNTAX_ERROR
SELECT * FROM l NATURAL JOIN r ON l.id = r.id

query
SELECT position('b' IN 'abcb') AS p, locate('b', 'abcb', 3) AS l3, locate('z', 'abc') AS missing, locate('', 'abc', 4) AS empty_sub, locate('b', 'abc', 0) AS pos_zero, locate('b', 'abc', NULL) AS pos_null, locate(NULL, 'abc') AS sub_null, locate('😀b', 'a😀b') AS astral
----
p | l3 | missing | empty_sub | pos_zero | pos_null | sub_null | astral
2 | 4 | 0 | 1 | 0 | 0 | NULL | 2

query
SELECT trim(BOTH 'x' FROM 'xxaxx') AS b, trim(LEADING 'x' FROM 'xxaxx') AS l, trim(TRAILING 'x' FROM 'xxaxx') AS t, trim('ab' FROM 'abxba') AS chars, concat('[', trim(TRAILING FROM '  a  '), ']') AS spaces, trim(BOTH FROM NULL) AS n
----
b | l | t | chars | spaces | n
a | axx | xxa | x | [  a] | NULL

query unordered
SELECT * FROM VALUES (1, 2), (3, 4), (NULL, 2) AS t(a, b) WHERE (a, b) IN (SELECT 1, 2 UNION ALL SELECT NULL, 2)
----
a | b
1 | 2

# NOT IN over tuples is null-aware: (NULL, 2) might equal (1, 2), so it is not kept.
query unordered
SELECT * FROM VALUES (1, 2), (3, 4), (NULL, 2) AS t(a, b) WHERE (a, b) NOT IN (SELECT 1, 2)
----
a | b
3 | 4

query
SELECT (1, 'a').col2 AS second
----
second
a

query
SELECT first(x) IGNORE NULLS AS f, last(x) IGNORE NULLS AS l, first(x) RESPECT NULLS AS f2 FROM VALUES (NULL), (1), (2), (NULL) AS t(x)
----
f | l | f2
1 | 2 | NULL

query
SELECT i, first_value(x) IGNORE NULLS OVER (ORDER BY i) AS fv, nth_value(x, 2) IGNORE NULLS OVER (ORDER BY i) AS nv FROM VALUES (1, NULL), (2, 1), (3, NULL), (4, 2) AS t(i, x) ORDER BY i
----
i | fv | nv
1 | NULL | NULL
2 | 1 | NULL
3 | 1 | NULL
4 | 1 | 2

error INVALID_SQL_SYNTAX.FUNCTION_WITH_UNSUPPORTED_SYNTAX
SELECT sum(x) IGNORE NULLS FROM VALUES (1) AS t(x)
