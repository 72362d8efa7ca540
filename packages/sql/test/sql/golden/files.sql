# Files: CREATE TEMP VIEW ... USING format OPTIONS (...), with and without a schema, and direct file queries
# (csv.`path`, json.`path`, text.`path`). ${DATA} is test/sql/data.

statement
CREATE TEMP VIEW people USING csv OPTIONS (path '${DATA}/people.csv', header 'true', inferSchema 'true')

query
SELECT * FROM people ORDER BY id
----
id | name | age
1 | ann | 31
2 | bob | NULL
3 | cy | 45

query
DESCRIBE people
----
col_name | data_type | comment
id | int | NULL
name | string | NULL
age | int | NULL

statement
CREATE OR REPLACE TEMP VIEW typed (id BIGINT, name STRING, age DOUBLE) USING csv OPTIONS (path '${DATA}/people.csv', header true)

query
SELECT id, age FROM typed WHERE age > 40
----
id | age
3 | 45.0

# Without options a CSV file has no header: every line is a row of strings named _c0, _c1, ...
query
SELECT _c0, _c1 FROM csv.`${DATA}/people.csv` ORDER BY _c0
----
_c0 | _c1
1 | ann
2 | bob
3 | cy
id | name

# size(NULL) is NULL with ANSI mode on (Spark 4's default).
query
SELECT id, size(tags) AS n FROM json.`${DATA}/events.json` ORDER BY id
----
id | n
1 | 2
2 | NULL

query
SELECT count(*) AS lines FROM text.`${DATA}/people.csv` WHERE value LIKE '%,%'
----
lines
4

error REQUIRED_OPTION_MISSING
CREATE TEMP VIEW nopath USING csv OPTIONS (header 'true')
