import { runInThisContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { CellSyntaxError, compileCell, IMPORT_HOOK, IncompleteCell } from '../src/shell/transpile.js';
import { importFromCell } from '../src/shell/imports.js';

Object.defineProperty(globalThis, IMPORT_HOOK, { value: (s: string) => importFromCell(s), configurable: true });
const g = globalThis as Record<string, unknown>;

function run(cell: string): Promise<unknown> {
  return runInThisContext(compileCell(cell).code, { filename: 'cell-test' }) as Promise<unknown>;
}

describe('compileCell', () => {
  it('strips types, returns the last expression and keeps declarations for later cells', async () => {
    expect(await run('const t_a: number = 20, { t_b, t_c: [t_d] } = { t_b: 1, t_c: [2] }; t_a + t_b + t_d')).toBe(23);
    expect(await run('t_a * 2')).toBe(40);
    // a notebook re-runs cells: declaring the same const again is fine
    expect(await run('const t_a = 5; t_a')).toBe(5);
    expect(g.t_a).toBe(5);
  });

  it('supports top-level await, function hoisting, classes, enums and interfaces', async () => {
    // used before its declaration: hoisted, as in a module
    await run('const t_v = await Promise.resolve(7)\nconst t_r = t_twice(t_v)\nfunction t_twice(x: number): number { return x * 2 }');
    expect(await run('t_r')).toBe(14);
    expect(await run('t_twice(1)')).toBe(2);
    expect(await run('interface T_P { x: number }\nclass T_Point implements T_P { constructor(public x: number) {} }\nnew T_Point(3).x')).toBe(3);
    expect(await run('enum T_Color { Red, Green }\nT_Color.Green')).toBe(1);
  });

  it('turns imports into dynamic imports resolved from the working directory or Kindling', async () => {
    expect(await run("import { basename as t_base } from 'node:path'\nimport * as t_os from 'node:os'\nt_base('/a/b.txt') + typeof t_os.cpus")).toBe('b.txtfunction');
    expect(await run("import { Session as T_S } from '@kindling/sql'\ntypeof T_S.builder")).toBe('function');
    expect(await run("(await import('node:path')).extname('x.csv')")).toBe('.csv');
  });

  it('treats a lone { ... } as an object, as Node does', async () => {
    expect(await run('{ t_k: 1 }')).toEqual({ t_k: 1 });
  });

  it('says when a cell is incomplete, so the shell reads more lines', () => {
    for (const cell of ['function f(x: number) {', 'const o = {', 'f(1,', 'const s = `line one', '[1, 2,']) {
      expect(() => compileCell(cell), cell).toThrow(IncompleteCell);
    }
  });

  it('reports syntax errors with line, column and a caret, and refuses exports', () => {
    let err: unknown;
    try {
      compileCell('const x = 1;\nconst y = (2 +* 3)');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CellSyntaxError);
    expect((err as Error).message).toMatch(/^\[CELL_SYNTAX_ERROR\] .*\(line 2, column 15\)\n\nconst y = \(2 \+\* 3\)\n {14}\^$/s);
    expect(() => compileCell('export const z = 1')).toThrow(/cannot export/);
    expect(() => compileCell("const s = 'open")).toThrow(CellSyntaxError);
  });
});
