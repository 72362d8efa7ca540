# CASE, CAST / TRY_CAST, IN lists, LIKE / RLIKE, BETWEEN, IS [NOT] NULL, DATE/TIMESTAMP literals, EXTRACT,
# SUBSTRING FROM/FOR, functions under their SQL names; NULL cases throughout.

statement
CREATE TEMP VIEW v AS VALUES (1, 'apple', '2024-02-29'), (2, 'Banana', NULL), (NULL, NULL, '2023-12-31') AS v(n, s, d)

query
SELECT n, CASE WHEN n = 1 THEN 'one' WHEN n > 1 THEN 'more' ELSE 'none' END AS c, CASE n WHEN 2 THEN 'two' END AS two FROM v ORDER BY n
----
n | c | two
NULL | none | NULL
1 | one | NULL
2 | more | two

query
SELECT CAST('12' AS int) + 1 AS a, TRY_CAST('x' AS int) AS b, CAST(2.5 AS string) AS c, CAST(n AS double) AS d FROM v WHERE n = 1
----
a | b | c | d
13 | NULL | 2.5 | 1.0

error CAST_INVALID_INPUT
SELECT CAST('x' AS int)

# Spark 4's :: shorthand binds tighter than operators.
query
SELECT '12'::int + 1 AS a, -'2.5'::double AS b, n::string || '!' AS c FROM v WHERE n = 2
----
a | b | c
13 | -2.5 | 2!

# IN with a NULL in the list: false becomes NULL, so NOT IN keeps nothing.
query
SELECT n, n IN (1, 3) AS a, n IN (1, NULL) AS b, n NOT IN (3, NULL) AS c FROM v ORDER BY n
----
n | a | b | c
NULL | NULL | NULL | NULL
1 | true | true | NULL
2 | false | NULL | NULL

query
SELECT s, s LIKE 'a%' AS l, s RLIKE '^[A-Z]' AS r, s NOT LIKE '%an%' AS nl, n BETWEEN 2 AND 5 AS btw, s IS NULL AS isn FROM v ORDER BY n
----
s | l | r | nl | btw | isn
NULL | NULL | NULL | NULL | NULL | true
apple | true | false | true | false | false
Banana | false | true | false | true | false

query
SELECT DATE '2024-02-29' AS d, TIMESTAMP '2024-01-02 03:04:05' AS ts, EXTRACT(YEAR FROM DATE '2024-02-29') AS y, EXTRACT(MONTH FROM CAST(d AS date)) AS m FROM v WHERE n = 1
----
d | ts | y | m
2024-02-29 | 2024-01-02 03:04:05 | 2024 | 2

query
SELECT substring(s FROM 2 FOR 3) AS a, substring(s FROM 3) AS b, substr(s, 1, 2) AS c, upper(s) AS u, length(s) AS len, coalesce(s, '?') AS co FROM v ORDER BY n
----
a | b | c | u | len | co
NULL | NULL | NULL | NULL | NULL | ?
ppl | ple | ap | APPLE | 5 | apple
ana | nana | Ba | BANANA | 6 | Banana

query
SELECT 1 = 1 AND NULL AS a, 1 = 1 OR NULL AS b, NOT NULL AS c, NULL <=> NULL AS d, 2 <> 2 AS e
----
a | b | c | d | e
NULL | true | NULL | true | false

query
SELECT 7 / 2 AS d, 7 DIV 2 AS q, -7 % 3 AS r, 1.5 * 2 AS m, 2 - - 3 AS neg
----
d | q | r | m | neg
3.5 | 3 | -1 | 3.0 | 5

error UNRESOLVED_ROUTINE
SELECT uper(s) FROM v
