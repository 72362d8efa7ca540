# a[i] (0-based; out of bounds is an error under ANSI), m[k] (a missing key is NULL), s.f on struct columns
# (a table qualifier first: t.s.f), chains (arr[0].x), get() and NULL containers. Checked against Spark 4.0.1.

statement
CREATE TEMP VIEW t AS SELECT named_struct('a', 1, 'b', named_struct('c', 'deep')) AS s, array(named_struct('x', 5)) AS arr, array(10, 20, 30) AS xs, map('k', 'v') AS m

statement
CREATE TEMP VIEW n AS SELECT CAST(NULL AS struct<a: int>) AS s, CAST(NULL AS array<int>) AS xs, CAST(NULL AS map<string, int>) AS m

query
SELECT s.a, t.s.b.c, arr[0].x, xs[0] AS first, xs[2] AS last, m['k'] AS hit, m['zz'] AS miss FROM t
----
a | c | arr[0].x | first | last | hit | miss
1 | deep | 5 | 10 | 30 | v | NULL

query
SELECT s.A AS upper_case, xs[1 + 1] AS computed, (xs)[0] AS parenthesized, named_struct('f', 7).f AS literal_struct FROM t
----
upper_case | computed | parenthesized | literal_struct
1 | 30 | 10 | 7

query
SELECT s.a, xs[0], m['k'] FROM n
----
a | xs[0] | m[k]
NULL | NULL | NULL

query
SELECT get(xs, 5) AS out_of_bounds, get(xs, -1) AS negative, get(xs, 1) AS second FROM t
----
out_of_bounds | negative | second
NULL | NULL | 20

error INVALID_ARRAY_INDEX
SELECT xs[3] FROM t

error INVALID_ARRAY_INDEX
SELECT xs[-1] FROM t

error FIELD_NOT_FOUND
SELECT s.zz FROM t

error INVALID_EXTRACT_BASE_FIELD_TYPE
SELECT s.a.b FROM t

error INVALID_EXTRACT_BASE_FIELD_TYPE
SELECT 1[0]
