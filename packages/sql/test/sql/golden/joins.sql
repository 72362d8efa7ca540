# Every join type, ON and USING, comma joins with WHERE conditions, NULL keys never match.

statement
CREATE TEMP VIEW l AS VALUES (1, 'a'), (2, 'b'), (NULL, 'n') AS l(k, lv)

statement
CREATE TEMP VIEW r AS VALUES (1, 'x'), (3, 'z'), (NULL, 'm') AS r(k, rv)

query
SELECT l.k, lv, rv FROM l JOIN r ON l.k = r.k
----
k | lv | rv
1 | a | x

query unordered
SELECT l.k, lv, r.k, rv FROM l LEFT OUTER JOIN r ON l.k = r.k
----
k | lv | k | rv
1 | a | 1 | x
2 | b | NULL | NULL
NULL | n | NULL | NULL

query unordered
SELECT l.k, lv, r.k, rv FROM l RIGHT JOIN r ON l.k = r.k
----
k | lv | k | rv
1 | a | 1 | x
NULL | NULL | 3 | z
NULL | NULL | NULL | m

query unordered
SELECT lv, rv FROM l FULL JOIN r ON l.k = r.k
----
lv | rv
a | x
b | NULL
n | NULL
NULL | z
NULL | m

# USING: the key once (coalesced for a full join).
query unordered
SELECT * FROM l FULL OUTER JOIN r USING (k)
----
k | lv | rv
1 | a | x
2 | b | NULL
NULL | n | NULL
3 | NULL | z
NULL | NULL | m

query unordered
SELECT * FROM l LEFT SEMI JOIN r ON l.k = r.k
----
k | lv
1 | a

query unordered
SELECT * FROM l LEFT ANTI JOIN r ON l.k = r.k
----
k | lv
2 | b
NULL | n

query
SELECT count(*) AS n FROM l CROSS JOIN r
----
n
9

query unordered
SELECT a.lv, b.rv FROM l a, r b WHERE a.k = b.k OR (a.k IS NULL AND b.k IS NULL)
----
lv | rv
a | x
n | m

# A join condition that is not an equality.
query unordered
SELECT lv, rv FROM l INNER JOIN r ON l.k < r.k
----
lv | rv
a | z
b | z

# Parenthesized joins and a subquery in FROM.
query
SELECT s.lv, s.rv FROM (SELECT lv, rv FROM l JOIN r USING (k)) AS s
----
lv | rv
a | x

error AMBIGUOUS_REFERENCE
SELECT k FROM l JOIN r ON l.k = r.k
