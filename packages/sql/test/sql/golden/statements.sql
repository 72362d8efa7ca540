# Statements: CREATE [OR REPLACE] TEMP VIEW [IF NOT EXISTS], DROP VIEW [IF EXISTS], SHOW TABLES [LIKE],
# DESCRIBE [TABLE], SET, CACHE / UNCACHE TABLE. They run when session.sql is called.

statement
CREATE TEMP VIEW v1 AS SELECT 1 AS a, 'x' AS b

statement
CREATE TEMPORARY VIEW v2 (n, label) AS SELECT a + 1, upper(b) FROM v1

query
SELECT * FROM v2
----
n | label
2 | X

error TEMP_TABLE_OR_VIEW_ALREADY_EXISTS
CREATE TEMP VIEW v1 AS SELECT 2 AS a

statement
CREATE TEMP VIEW IF NOT EXISTS v1 AS SELECT 2 AS a

query
SELECT a FROM v1
----
a
1

statement
CREATE OR REPLACE TEMP VIEW v1 AS SELECT 3 AS a, CAST(NULL AS date) AS d, 1.25 AS x

query
DESCRIBE TABLE v1
----
col_name | data_type | comment
a | int | NULL
d | date | NULL
x | decimal(3,2) | NULL

query
SHOW TABLES
----
namespace | tableName | isTemporary
 | v1 | true
 | v2 | true

query
SHOW TABLES LIKE 'v2|z*'
----
namespace | tableName | isTemporary
 | v2 | true

# A view keeps the plan it was made with: v2 still reads the first v1.
query
SELECT n FROM v2
----
n
2

statement
DROP VIEW v2

statement
DROP VIEW IF EXISTS v2

error TABLE_OR_VIEW_NOT_FOUND
DROP VIEW v2

query
SET spark.sql.shuffle.partitions=3
----
key | value
spark.sql.shuffle.partitions | 3

query
SET spark.sql.shuffle.partitions
----
key | value
spark.sql.shuffle.partitions | 3

query
SET kindling.unset.key
----
key | value
kindling.unset.key | <undefined>

statement
CACHE TABLE v1

query
SELECT a + 1 AS b FROM v1
----
b
4

statement
UNCACHE TABLE v1

statement
UNCACHE TABLE IF EXISTS nothing

statement
CACHE TABLE c AS SELECT id FROM range(3)

query
SELECT sum(id) AS s FROM c
----
s
3

error TABLE_OR_VIEW_NOT_FOUND
DESCRIBE nothing
