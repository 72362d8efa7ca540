# UNPIVOT: EXCLUDE NULLS by default (a row goes when all its values are NULL), INCLUDE NULLS, names for the values
# (AS alias, or the columns joined by _), several value columns, least common types. Checked against Spark 4.0.1.

statement
CREATE TEMP VIEW t AS VALUES (1, 11, 1.1D, CAST(NULL AS STRING)), (2, NULL, NULL, 'x'), (3, 7, NULL, 'y') AS t(id, i, d, s)

query
SELECT * FROM t UNPIVOT (val FOR var IN (i, d))
----
id | s | var | val
1 | NULL | i | 11.0
1 | NULL | d | 1.1
3 | y | i | 7.0

query
SELECT id, var, val FROM t UNPIVOT INCLUDE NULLS (val FOR var IN (i, d AS dee)) ORDER BY id, var
----
id | var | val
1 | dee | 1.1
1 | i | 11.0
2 | dee | NULL
2 | i | NULL
3 | dee | NULL
3 | i | 7.0

query
SELECT * FROM t UNPIVOT ((v1, v2) FOR var IN ((i, d) AS first, (d, i)))
----
id | s | var | v1 | v2
1 | NULL | first | 11.0 | 1.1
1 | NULL | d_i | 1.1 | 11.0
3 | y | first | 7.0 | NULL
3 | y | d_i | NULL | 7.0

query
SELECT u.id, u.val FROM t UNPIVOT (val FOR var IN (i)) AS u WHERE u.val > 8
----
id | val
1 | 11

error UNPIVOT_VALUE_DATA_TYPE_MISMATCH
SELECT * FROM t UNPIVOT (val FOR var IN (i, s))

error UNPIVOT_VALUE_SIZE_MISMATCH
SELECT * FROM t UNPIVOT ((a, b) FOR var IN (i, d))
