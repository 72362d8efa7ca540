import { Session } from '@kindling/sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeCode, completeCommand, completeSql, type CompletionScope } from '../src/shell/completion.js';
import { isIncompleteSql, sqlCellText } from '../src/shell/sql-cell.js';

let spark: Session;
let scope: CompletionScope;

beforeAll(() => {
  spark = Session.builder().master('local').appName('completion-test').getOrCreate();
  const people = spark.createDataFrame([{ name: 'ann', age: 31 }]);
  people.createOrReplaceTempView('people');
  spark.createDataFrame([{ dept: 'eng', floor: 3 }]).createOrReplaceTempView('depts');
  scope = { session: spark, globals: { people, spark, counter: 1 }, commands: ['help', 'schema', 'sql'] };
});
afterAll(() => spark.stop());

describe('completion', () => {
  it('completes members through the prototype chain without calling anything', () => {
    expect(completeCode('people.withColumnR', scope)).toEqual([['withColumnRenamed'], 'withColumnR']);
    expect(completeCode('spark.read.cs', scope)).toEqual([['csv'], 'cs']);
    expect(completeCode('people.filter(x).coun', scope)).toEqual([[], 'coun']); // after a call: nothing is run (nor offered)
  });

  it('completes column names in string arguments and view names for spark.table', () => {
    expect(completeCode("people.select('na", scope)).toEqual([['name'], 'na']);
    expect(completeCode("people.select('name', 'a", scope)).toEqual([['age'], 'a']);
    expect(completeCode("col('fl", scope)).toEqual([['floor'], 'fl']); // any view's or DataFrame's column
    expect(completeCode("spark.table('de", scope)).toEqual([['depts'], 'de']);
  });

  it('completes variables and keywords', () => {
    expect(completeCode('coun', scope)[0]).toEqual(['counter']);
    expect(completeCode('awa', scope)[0]).toContain('await');
  });

  it('completes SQL: views after FROM/JOIN, columns and keywords elsewhere, in the case typed', () => {
    expect(completeSql('SELECT * FROM pe', scope)).toEqual([['people'], 'pe']);
    expect(completeSql('SELECT * FROM people JOIN d', scope)).toEqual([['depts'], 'd']);
    expect(completeSql('SELECT fl', scope)[0]).toEqual(['floor']);
    expect(completeSql('SELECT name FR', scope)[0]).toEqual(['FROM']);
    expect(completeSql('select name fr', scope)[0]).toEqual(['from']);
  });

  it('completes commands and their arguments', () => {
    expect(completeCommand(':sch', scope)).toEqual([[':schema'], ':sch']);
    expect(completeCommand(':schema p', scope)).toEqual([['people'], 'p']);
  });
});

describe('%sql cells', () => {
  it('finds the SQL of a cell and whether it needs more lines', () => {
    expect(sqlCellText('%sql SELECT 1')).toBe('SELECT 1');
    expect(sqlCellText('sqlish')).toBeNull();
    expect(isIncompleteSql('SELECT (1 +', false)).toBe(true);
    expect(isIncompleteSql("SELECT 'it''s", false)).toBe(true);
    expect(isIncompleteSql("SELECT 'a(' FROM t -- (", false)).toBe(false);
    expect(isIncompleteSql('SELECT 1 /* open', false)).toBe(true);
    // SQL mode: a statement ends with ;
    expect(isIncompleteSql('SELECT 1', true)).toBe(true);
    expect(isIncompleteSql('SELECT 1; -- done', true)).toBe(false);
  });
});
