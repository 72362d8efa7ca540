# SELECT, aliases, *, t.*, DISTINCT, WHERE with three-valued logic, expressions without FROM.

statement
CREATE TEMP VIEW people AS VALUES (1, 'ann', 30, 'eng'), (2, 'bob', NULL, 'ops'), (3, NULL, 41, 'eng'), (4, 'dan', 17, NULL) AS people(id, name, age, dept)

query
SELECT * FROM people ORDER BY id
----
id | name | age | dept
1 | ann | 30 | eng
2 | bob | NULL | ops
3 | NULL | 41 | eng
4 | dan | 17 | NULL

query
SELECT p.*, age + 1 AS next FROM people p WHERE age >= 18 ORDER BY id
----
id | name | age | dept | next
1 | ann | 30 | eng | 31
3 | NULL | 41 | eng | 42

# NULL age: the condition is null, so the row is dropped (and by NOT too).
query
SELECT id FROM people WHERE NOT (age > 20) ORDER BY id
----
id
4

query unordered
SELECT DISTINCT dept FROM people
----
dept
eng
ops
NULL

query
SELECT id, upper(name) who, age * 2 AS twice FROM people WHERE name IS NOT NULL AND id <> 4 ORDER BY id
----
id | who | twice
1 | ANN | 60
2 | BOB | NULL

query
SELECT 1 + 2 AS three, 'x' || 'y' AS xy, NULL AS nothing, 7 DIV 2 AS q, 7 % 3 AS r
----
three | xy | nothing | q | r
3 | xy | NULL | 3 | 1

# Back-quoted names and case-insensitive resolution.
query
SELECT `ID`, NAME AS `the name` FROM PEOPLE WHERE Id = 1
----
ID | the name
1 | ann

error UNRESOLVED_COLUMN
SELECT nmae FROM people

error TABLE_OR_VIEW_NOT_FOUND
SELECT * FROM peple

error INVALID_USAGE_OF_STAR_OR_REGEX
SELECT *
