import { transformSync } from 'esbuild';
import { parse, type Node } from 'acorn';

/** The cell is not finished (an open bracket, string or template): the shell asks for more lines. */
export class IncompleteCell extends Error {}

/** A cell the shell cannot run: a syntax error (already formatted with line, column and a caret) or an export. */
export class CellSyntaxError extends Error {
  readonly code = 'CELL_SYNTAX_ERROR';
  constructor(message: string) {
    super(`[CELL_SYNTAX_ERROR] ${message}`);
    this.name = 'CellSyntaxError';
  }
}

export interface CompiledCell {
  /** A script for vm.runInThisContext: `var` declarations of the cell's names, then an async function's promise. */
  code: string;
  /** Names the cell declares; they become globals, so later cells (and shipped closures) see them. */
  declared: string[];
}

/** The global the compiled code calls for `import()`: resolves from the working directory, then from Kindling. */
export const IMPORT_HOOK = '__kindlingImport';

/**
 * Turns a cell of TypeScript or JavaScript into a script with REPL semantics:
 * - types are stripped by esbuild (TS is a superset, so JS cells go through the same path);
 * - top-level `const`/`let`/`var`/`function`/`class` become globals (so a later cell can use and even redeclare
 *   them, and closures shipped to workers capture them like any variable);
 * - `import ... from 'm'` becomes an assignment from `await import('m')`;
 * - the body runs in an async function, so top-level `await` works, and the last expression is its result.
 */
export function compileCell(source: string): CompiledCell {
  const js = transpile(source);
  let program: Node & { body: any[] };
  try {
    program = parse(js, { ecmaVersion: 'latest', sourceType: 'module', allowAwaitOutsideFunction: true }) as any;
  } catch (e) {
    throw new CellSyntaxError((e as Error).message);
  }
  const imports = collectImportExpressions(program);
  const text = (start: number, end: number) => spliced(js, start, end, imports);
  const declared = new Set<string>();
  const functions: string[] = [];
  // Each top-level statement is replaced where it stands, so line numbers (call sites, stack traces) stay the
  // transpiled cell's.
  const edits: Edit[] = [];
  const replace = (st: any, t: string) => edits.push({ start: st.start, end: st.end, text: t });
  const statements = program.body;
  statements.forEach((st, i) => {
    const last = i === statements.length - 1;
    switch (st.type) {
      case 'ImportDeclaration':
        replace(st, importStatement(st, declared));
        break;
      case 'ExportNamedDeclaration':
      case 'ExportDefaultDeclaration':
      case 'ExportAllDeclaration':
        throw new CellSyntaxError(`a cell cannot export; declare the value (const x = ...) and it is visible to later cells.`);
      case 'VariableDeclaration': {
        const parts: string[] = [];
        for (const d of st.declarations) {
          for (const n of patternNames(d.id)) declared.add(n);
          if (d.init) parts.push(`(${text(d.id.start, d.id.end)} = ${text(d.init.start, d.init.end)});`);
          else if (st.kind !== 'var') parts.push(`${d.id.name} = undefined;`);
        }
        replace(st, parts.join(' '));
        break;
      }
      case 'FunctionDeclaration':
        // Stays a declaration (hoisted inside the cell's function); published as a global when the cell starts.
        declared.add(st.id.name);
        functions.push(st.id.name);
        replace(st, text(st.start, st.end));
        break;
      case 'ClassDeclaration':
        declared.add(st.id.name);
        replace(st, `${st.id.name} = (${text(st.start, st.end)});`);
        break;
      case 'ExpressionStatement':
        replace(st, last ? `return (${text(st.expression.start, st.expression.end)});` : text(st.start, st.end));
        break;
      default:
        replace(st, text(st.start, st.end));
    }
  });
  const names = [...declared];
  const prefix =
    (names.length ? `var ${names.join(', ')}; ` : '') + '(async () => { ' + functions.map((f) => `globalThis.${f} = ${f}; `).join('');
  return { code: prefix + spliced(js, 0, js.length, edits) + '\n})()', declared: names };
}

function transpile(source: string): string {
  const trimmed = source.trim();
  // As Node's REPL: `{ a: 1 }` alone is an object, not a block.
  if (trimmed.startsWith('{') && trimmed.endsWith('}')) {
    try {
      return esbuild(`(${trimmed})`);
    } catch {
      /* a block after all */
    }
  }
  return esbuild(source);
}

function esbuild(source: string): string {
  try {
    return transformSync(source, {
      loader: 'ts',
      format: 'esm',
      target: 'es2022',
      sourcefile: 'cell.ts',
      // Keep every import: a binding unused in this cell is for the next ones.
      tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
    }).code;
  } catch (e) {
    const err = (e as { errors?: { text: string; location?: { line: number; column: number; lineText: string } | null }[] }).errors?.[0];
    if (!err) throw e;
    if (isIncomplete(source, err.text, err.location ?? null)) throw new IncompleteCell(err.text);
    const loc = err.location;
    if (!loc) throw new CellSyntaxError(err.text);
    throw new CellSyntaxError(`${err.text} (line ${loc.line}, column ${loc.column + 1})\n\n${loc.lineText}\n${' '.repeat(loc.column)}^`);
  }
}

function isIncomplete(source: string, text: string, loc: { line: number; column: number } | null): boolean {
  if (/end of file/i.test(text)) return true;
  if (/Unterminated (string|template)/i.test(text)) return unclosedTemplate(source);
  if (!loc) return false;
  const lines = source.split('\n');
  return loc.line === lines.length && loc.column >= lines[lines.length - 1]!.length;
}

/** A backtick left open (outside strings and comments) continues onto the next line. */
function unclosedTemplate(source: string): boolean {
  let open = false;
  let quote: string | null = null;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (open) {
      if (c === '`') open = false;
    } else if (quote) {
      if (c === quote || c === '\n') quote = null;
    } else if (c === '`') open = true;
    else if (c === '"' || c === "'") quote = c;
    else if (c === '/' && source[i + 1] === '/') i = source.indexOf('\n', i) < 0 ? source.length : source.indexOf('\n', i);
  }
  return open;
}

function importStatement(st: any, declared: Set<string>): string {
  const from = JSON.stringify(st.source.value);
  const parts: string[] = [];
  let namespace: string | null = null;
  for (const s of st.specifiers) {
    declared.add(s.local.name);
    if (s.type === 'ImportNamespaceSpecifier') namespace = s.local.name;
    else if (s.type === 'ImportDefaultSpecifier') parts.push(`default: ${s.local.name}`);
    else {
      const imported = s.imported.type === 'Literal' ? JSON.stringify(s.imported.value) : s.imported.name;
      parts.push(`${imported}: ${s.local.name}`);
    }
  }
  const load = `await ${IMPORT_HOOK}(${from})`;
  if (namespace) return `${namespace} = ${load};` + (parts.length ? ` ({ ${parts.join(', ')} } = ${namespace});` : '');
  return parts.length ? `({ ${parts.join(', ')} } = ${load});` : `${load};`;
}

function patternNames(p: any): string[] {
  switch (p.type) {
    case 'Identifier':
      return [p.name];
    case 'ObjectPattern':
      return p.properties.flatMap((x: any) => patternNames(x.type === 'RestElement' ? x.argument : x.value));
    case 'ArrayPattern':
      return p.elements.filter(Boolean).flatMap((x: any) => patternNames(x));
    case 'RestElement':
      return patternNames(p.argument);
    case 'AssignmentPattern':
      return patternNames(p.left);
    default:
      return [];
  }
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** `import(x)` anywhere in the cell calls the shell's import hook (a script has no module to resolve from). */
function collectImportExpressions(program: Node): Edit[] {
  const edits: Edit[] = [];
  const visit = (n: any) => {
    if (!n || typeof n.type !== 'string') return;
    if (n.type === 'ImportExpression') {
      edits.push({ start: n.start, end: n.source.start, text: `${IMPORT_HOOK}(` });
    }
    for (const k of Object.keys(n)) {
      const v = n[k];
      if (Array.isArray(v)) v.forEach(visit);
      else if (v && typeof v === 'object' && typeof v.type === 'string') visit(v);
    }
  };
  visit(program);
  return edits.sort((a, b) => a.start - b.start);
}

function spliced(src: string, start: number, end: number, edits: Edit[]): string {
  let out = '';
  let at = start;
  for (const e of edits) {
    if (e.start < start || e.end > end) continue;
    out += src.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + src.slice(at, end);
}
