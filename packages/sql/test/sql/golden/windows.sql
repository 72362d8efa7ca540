# Window functions: OVER (PARTITION BY .. ORDER BY .. ROWS|RANGE BETWEEN ..), named WINDOW clauses, defaults.

statement
CREATE TEMP VIEW emp AS VALUES ('eng', 'ann', 100), ('eng', 'bob', 80), ('eng', 'cy', 80), ('ops', 'dan', 50), ('ops', 'eve', NULL) AS emp(dept, name, pay)

query
SELECT name, row_number() OVER (PARTITION BY dept ORDER BY pay DESC, name) AS rn, rank() OVER (PARTITION BY dept ORDER BY pay DESC) AS r, dense_rank() OVER (PARTITION BY dept ORDER BY pay DESC) AS dr FROM emp ORDER BY dept, rn
----
name | rn | r | dr
ann | 1 | 1 | 1
bob | 2 | 2 | 2
cy | 3 | 2 | 2
dan | 1 | 1 | 1
eve | 2 | 2 | 2

# The default frame with ORDER BY is RANGE UNBOUNDED PRECEDING .. CURRENT ROW: peers (bob, cy) are included.
query
SELECT name, sum(pay) OVER (PARTITION BY dept ORDER BY pay) AS running FROM emp WHERE dept = 'eng' ORDER BY name
----
name | running
ann | 260
bob | 160
cy | 160

query
SELECT name, sum(pay) OVER (ORDER BY name ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS pair FROM emp ORDER BY name
----
name | pair
ann | 100
bob | 180
cy | 160
dan | 130
eve | 50

# Without ORDER BY the window is the whole partition; count(pay) skips the NULL.
query
SELECT name, count(pay) OVER (PARTITION BY dept) AS n, max(pay) OVER w AS top FROM emp WINDOW w AS (PARTITION BY dept) ORDER BY name
----
name | n | top
ann | 3 | 100
bob | 3 | 100
cy | 3 | 100
dan | 1 | 50
eve | 1 | 50

query
SELECT name, lag(pay) OVER w AS prev, lead(pay, 1, 0) OVER w AS next FROM emp WINDOW w AS (ORDER BY name) ORDER BY name
----
name | prev | next
ann | NULL | 80
bob | 100 | 80
cy | 80 | 50
dan | 80 | NULL
eve | 50 | 0

# A named window refined in place: w's partitioning plus an ORDER BY.
query
SELECT name, rank() OVER (w ORDER BY name DESC) AS r FROM emp WINDOW w AS (PARTITION BY dept) ORDER BY name
----
name | r
ann | 3
bob | 2
cy | 1
dan | 2
eve | 1

query
SELECT name, pay - avg(pay) OVER (PARTITION BY dept) AS diff FROM emp WHERE dept = 'ops' ORDER BY name
----
name | diff
dan | 0.0
eve | NULL

error WINDOW_FUNCTION_WITHOUT_ORDER
SELECT rank() OVER (PARTITION BY dept) FROM emp

# Window functions over a grouped select: the aggregate first, the windows over its rows.
query
SELECT dept, sum(pay) AS total, rank() OVER (ORDER BY sum(pay) DESC) AS r, sum(sum(pay)) OVER () AS everything FROM emp GROUP BY dept ORDER BY r
----
dept | total | r | everything
eng | 260 | 1 | 310
ops | 50 | 2 | 310

query
SELECT dept, count(*) AS n, lag(count(*)) OVER (ORDER BY dept) AS prev FROM emp GROUP BY dept HAVING count(*) > 1 ORDER BY 1
----
dept | n | prev
eng | 3 | NULL
ops | 2 | 3
