/**
 * Parses a function's source (`fn.toString()`) and finds what it refers to from outside: its free
 * identifiers (candidates for captured variables), and lexical `this`/`arguments`/`super`/`new.target`,
 * direct `eval` and `import.meta`, which cannot be shipped. Results are cached per source string.
 */
import { parse, type AnyNode, type Function as FunctionNode, type Pattern } from 'acorn';

export interface FreeReference {
  readonly name: string;
  /** Offset (in the function source) of the first reference. */
  readonly start: number;
  /**
   * The static member names when every reference has the form `name.member` (as in `ns.helper(x)`), or
   * `null` when the value itself is used (passed, called, indexed with `[...]`, assigned...).
   */
  readonly members: ReadonlySet<string> | null;
  /** The variable is assigned to somewhere in the function (`count++`, `total = ...`). */
  readonly assigned: boolean;
}

export type LexicalUseKind = 'this' | 'arguments' | 'new.target' | 'super' | 'eval' | 'import.meta' | 'private';

/** A use of something that belongs to the scope around the function and is not a variable. */
export interface LexicalUse {
  readonly kind: LexicalUseKind;
  readonly start: number;
}

export type FunctionShape = 'arrow' | 'function' | 'method' | 'class';

export interface FunctionAnalysis {
  readonly source: string;
  readonly shape: FunctionShape;
  /** How the source must be wrapped to be an expression again (see `SourceEntry.wrap`). */
  readonly wrap: 'expr' | 'method';
  /** Free identifiers in order of first appearance. */
  readonly free: readonly FreeReference[];
  /** Lexical uses that cannot be shipped (empty for the usual function). */
  readonly lexical: readonly LexicalUse[];
}

export class SourceParseError extends Error {}

const CACHE_LIMIT = 4096;
const cache = new Map<string, FunctionAnalysis>();

/** Analyses `source` (cached). Throws `SourceParseError` if it is not the source of a function or class. */
export function analyzeFunctionSource(source: string): FunctionAnalysis {
  const hit = cache.get(source);
  if (hit !== undefined) return hit;
  const analysis = analyzeUncached(source);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(source, analysis);
  return analysis;
}

interface ParsedRoot {
  /** The function node (undefined for a class). */
  readonly fn: FunctionNode | undefined;
  /** The computed key of a method (`[Symbol.iterator]() {}`), evaluated outside the function. */
  readonly computedKey?: AnyNode | undefined;
  readonly offset: number;
  readonly wrap: 'expr' | 'method';
  readonly shape: FunctionShape;
}

function parseRoot(source: string): ParsedRoot {
  let firstError: unknown;
  // 1. An expression: arrow function, function expression or declaration, class.
  for (const sourceType of ['script', 'module'] as const) {
    try {
      const program = parse(`(${source}\n)`, { ecmaVersion: 'latest', sourceType, checkPrivateFields: false, allowSuperOutsideMethod: true });
      const statement = program.body.length === 1 ? program.body[0] : undefined;
      if (statement?.type === 'ExpressionStatement') {
        const node = statement.expression;
        if (node.start === 1 && node.end === 1 + source.length) {
          if (node.type === 'ArrowFunctionExpression') return { fn: node, offset: 1, wrap: 'expr', shape: 'arrow' };
          if (node.type === 'FunctionExpression') return { fn: node, offset: 1, wrap: 'expr', shape: 'function' };
          if (node.type === 'ClassExpression') return { fn: undefined, offset: 1, wrap: 'expr', shape: 'class' };
        }
      }
      break;
    } catch (error) {
      firstError ??= error;
    }
  }
  // 2. Method shorthand, getter or setter: `m(x) { ... }` is only valid inside an object literal.
  for (const sourceType of ['script', 'module'] as const) {
    try {
      const program = parse(`({${source}\n})`, { ecmaVersion: 'latest', sourceType, checkPrivateFields: false, allowSuperOutsideMethod: true });
      const statement = program.body.length === 1 ? program.body[0] : undefined;
      if (statement?.type === 'ExpressionStatement' && statement.expression.type === 'ObjectExpression') {
        const props = statement.expression.properties;
        const prop = props.length === 1 ? props[0] : undefined;
        if (
          prop?.type === 'Property' &&
          (prop.method || prop.kind !== 'init') &&
          prop.start === 2 &&
          prop.end === 2 + source.length &&
          prop.value.type === 'FunctionExpression'
        ) {
          return {
            fn: prop.value,
            computedKey: prop.computed ? prop.key : undefined,
            offset: 2,
            wrap: 'method',
            shape: 'method',
          };
        }
      }
      break;
    } catch (error) {
      firstError ??= error;
    }
  }
  const detail = firstError instanceof Error ? `: ${firstError.message}` : '';
  throw new SourceParseError(`not the source of a function${detail}`);
}

/** A scope of the walk. `fn` scopes (non-arrow functions, class field initialisers, static blocks) own `this`. */
class Scope {
  readonly declared = new Set<string>();
  constructor(
    readonly parent: Scope | null,
    readonly kind: 'outside' | 'fn' | 'arrow' | 'block',
    readonly isRoot = false,
  ) {}

  /** The scope that `var` declarations land in. */
  varScope(): Scope {
    let scope: Scope = this;
    while (scope.kind === 'block' && scope.parent) scope = scope.parent;
    return scope;
  }

  /** The nearest enclosing scope that owns `this`, or the outside scope. */
  thisScope(): Scope {
    let scope: Scope = this;
    while (scope.kind !== 'fn' && scope.kind !== 'outside' && scope.parent) scope = scope.parent;
    return scope;
  }
}

interface Reference {
  readonly scope: Scope;
  readonly name: string;
  readonly start: number;
  /** Static member name for `name.member`, `null` for any other use. */
  readonly member: string | null;
  readonly write: boolean;
}

function analyzeUncached(source: string): FunctionAnalysis {
  const root = parseRoot(source);
  const { offset } = root;
  const outside = new Scope(null, 'outside');
  const references: Reference[] = [];
  const evalCalls: { scope: Scope; start: number }[] = [];
  const lexical: LexicalUse[] = [];
  /** Number of classes around the node being visited: `#name` outside any class belongs to the enclosing class. */
  let classDepth = 0;

  const useLexical = (kind: LexicalUseKind, start: number): void => {
    lexical.push({ kind, start: start - offset });
  };

  const reference = (scope: Scope, name: string, start: number, member: string | null, write = false): void => {
    references.push({ scope, name, start: start - offset, member, write });
  };

  function visitFunction(fn: FunctionNode, scope: Scope, isRoot = false): void {
    const fnScope = new Scope(scope, fn.type === 'ArrowFunctionExpression' ? 'arrow' : 'fn', isRoot);
    if (fn.type === 'FunctionExpression' && fn.id) fnScope.declared.add(fn.id.name);
    for (const param of fn.params) declarePattern(param, fnScope, fnScope);
    if (fn.body.type === 'BlockStatement') {
      for (const statement of fn.body.body) visit(statement, fnScope);
    } else {
      visit(fn.body, fnScope);
    }
  }

  /** Declares the names bound by a pattern; default values and computed keys are visited as expressions. */
  function declarePattern(pattern: Pattern, declScope: Scope, exprScope: Scope): void {
    switch (pattern.type) {
      case 'Identifier':
        declScope.declared.add(pattern.name);
        return;
      case 'ObjectPattern':
        for (const prop of pattern.properties) {
          if (prop.type === 'RestElement') {
            declarePattern(prop.argument, declScope, exprScope);
          } else {
            if (prop.computed) visit(prop.key, exprScope);
            declarePattern(prop.value, declScope, exprScope);
          }
        }
        return;
      case 'ArrayPattern':
        for (const element of pattern.elements) if (element) declarePattern(element, declScope, exprScope);
        return;
      case 'RestElement':
        declarePattern(pattern.argument, declScope, exprScope);
        return;
      case 'AssignmentPattern':
        declarePattern(pattern.left, declScope, exprScope);
        visit(pattern.right, exprScope);
        return;
      case 'MemberExpression':
        visit(pattern, exprScope);
        return;
    }
  }

  /** Visits an assignment target (`x = ...`, `[a, b] = ...`, `for (x of ...)`): identifiers are written. */
  function visitTarget(pattern: Pattern, scope: Scope): void {
    switch (pattern.type) {
      case 'Identifier':
        reference(scope, pattern.name, pattern.start, null, true);
        return;
      case 'ObjectPattern':
        for (const prop of pattern.properties) {
          if (prop.type === 'RestElement') {
            visitTarget(prop.argument, scope);
          } else {
            if (prop.computed) visit(prop.key, scope);
            visitTarget(prop.value, scope);
          }
        }
        return;
      case 'ArrayPattern':
        for (const element of pattern.elements) if (element) visitTarget(element, scope);
        return;
      case 'RestElement':
        visitTarget(pattern.argument, scope);
        return;
      case 'AssignmentPattern':
        visitTarget(pattern.left, scope);
        visit(pattern.right, scope);
        return;
      case 'MemberExpression':
        visit(pattern, scope);
        return;
    }
  }

  function visitClass(node: AnyNode & { type: 'ClassDeclaration' | 'ClassExpression' }, scope: Scope): void {
    if (node.type === 'ClassDeclaration' && node.id) scope.declared.add(node.id.name);
    const classScope = new Scope(scope, 'block');
    if (node.id) classScope.declared.add(node.id.name);
    if (node.superClass) visit(node.superClass, scope);
    classDepth++;
    for (const element of node.body.body) {
      switch (element.type) {
        case 'MethodDefinition':
          if (element.computed) visit(element.key, classScope);
          visitFunction(element.value, classScope);
          break;
        case 'PropertyDefinition':
          if (element.computed) visit(element.key, classScope);
          if (element.value) visit(element.value, new Scope(classScope, 'fn'));
          break;
        case 'StaticBlock': {
          const blockScope = new Scope(classScope, 'fn');
          for (const statement of element.body) visit(statement, blockScope);
          break;
        }
      }
    }
    classDepth--;
  }

  function visit(node: AnyNode, scope: Scope): void {
    switch (node.type) {
      case 'Identifier':
        reference(scope, node.name, node.start, null);
        return;
      case 'PrivateIdentifier':
        if (classDepth === 0) useLexical('private', node.start);
        return;
      case 'Literal':
      case 'TemplateElement':
      case 'DebuggerStatement':
      case 'EmptyStatement':
      case 'BreakStatement':
      case 'ContinueStatement':
        return;
      case 'ThisExpression':
        if (scope.thisScope().kind === 'outside') useLexical('this', node.start);
        return;
      case 'Super': {
        const owner = scope.thisScope();
        if (owner.kind === 'outside' || owner.isRoot) useLexical('super', node.start);
        return;
      }
      case 'MetaProperty':
        if (node.meta.name === 'new') {
          if (scope.thisScope().kind === 'outside') useLexical('new.target', node.start);
        } else {
          useLexical('import.meta', node.start);
        }
        return;
      case 'MemberExpression':
        if (node.object.type === 'Identifier' && !node.computed && node.property.type === 'Identifier') {
          reference(scope, node.object.name, node.object.start, node.property.name);
        } else {
          visit(node.object, scope);
        }
        if (node.computed) visit(node.property, scope);
        else if (node.property.type === 'PrivateIdentifier' && classDepth === 0) useLexical('private', node.property.start);
        return;
      case 'Property':
        // In object literals; patterns are handled by declarePattern / visitTarget.
        if (node.computed) visit(node.key, scope);
        visit(node.value, scope);
        return;
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        visitFunction(node, scope);
        return;
      case 'FunctionDeclaration':
        if (node.id) scope.declared.add(node.id.name);
        visitFunction(node, scope);
        return;
      case 'ClassDeclaration':
      case 'ClassExpression':
        visitClass(node, scope);
        return;
      case 'VariableDeclaration': {
        const declScope = node.kind === 'var' ? scope.varScope() : scope;
        for (const declarator of node.declarations) {
          declarePattern(declarator.id, declScope, scope);
          if (declarator.init) visit(declarator.init, scope);
        }
        return;
      }
      case 'BlockStatement': {
        const block = new Scope(scope, 'block');
        for (const statement of node.body) visit(statement, block);
        return;
      }
      case 'StaticBlock': {
        const block = new Scope(scope, 'fn');
        for (const statement of node.body) visit(statement, block);
        return;
      }
      case 'ForStatement': {
        const block = new Scope(scope, 'block');
        if (node.init) visit(node.init, block);
        if (node.test) visit(node.test, block);
        if (node.update) visit(node.update, block);
        visit(node.body, block);
        return;
      }
      case 'ForInStatement':
      case 'ForOfStatement': {
        const block = new Scope(scope, 'block');
        if (node.left.type === 'VariableDeclaration') visit(node.left, block);
        else visitTarget(node.left, block);
        visit(node.right, block);
        visit(node.body, block);
        return;
      }
      case 'CatchClause': {
        const block = new Scope(scope, 'block');
        if (node.param) declarePattern(node.param, block, block);
        visit(node.body, block);
        return;
      }
      case 'SwitchStatement': {
        visit(node.discriminant, scope);
        const block = new Scope(scope, 'block');
        for (const switchCase of node.cases) {
          if (switchCase.test) visit(switchCase.test, block);
          for (const statement of switchCase.consequent) visit(statement, block);
        }
        return;
      }
      case 'LabeledStatement':
        visit(node.body, scope);
        return;
      case 'AssignmentExpression':
        if (node.left.type === 'Identifier') reference(scope, node.left.name, node.left.start, null, true);
        else visitTarget(node.left, scope);
        visit(node.right, scope);
        return;
      case 'UpdateExpression':
        if (node.argument.type === 'Identifier') {
          reference(scope, node.argument.name, node.argument.start, null, true);
          return;
        }
        visit(node.argument, scope);
        return;
      case 'CallExpression':
        if (node.callee.type === 'Identifier' && node.callee.name === 'eval') {
          evalCalls.push({ scope, start: node.callee.start });
        }
        visit(node.callee, scope);
        for (const argument of node.arguments) visit(argument, scope);
        return;
      default:
        visitChildren(node, scope);
    }
  }

  function visitChildren(node: AnyNode, scope: Scope): void {
    const record = node as unknown as Record<string, unknown>;
    for (const key in record) {
      if (key === 'type' || key === 'start' || key === 'end' || key === 'loc' || key === 'range') continue;
      const value = record[key];
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) visit(item, scope);
      } else if (isNode(value)) {
        visit(value, scope);
      }
    }
  }

  if (!root.fn) return { source, shape: 'class', wrap: 'expr', free: [], lexical: [] };
  if (root.computedKey) visit(root.computedKey, outside);
  visitFunction(root.fn, outside, true);

  const isDeclared = (scope: Scope, name: string): boolean => {
    for (let s: Scope | null = scope; s; s = s.parent) {
      if (s.declared.has(name)) return true;
      // Every non-arrow function has its own `arguments`.
      if (name === 'arguments' && s.kind === 'fn') return true;
    }
    return false;
  };

  const free = new Map<string, { name: string; start: number; members: Set<string> | null; assigned: boolean }>();
  for (const ref of references) {
    if (isDeclared(ref.scope, ref.name)) continue;
    if (ref.name === 'arguments') {
      useLexical('arguments', ref.start + offset);
      continue;
    }
    let entry = free.get(ref.name);
    if (!entry) {
      entry = { name: ref.name, start: ref.start, members: new Set(), assigned: false };
      free.set(ref.name, entry);
    }
    if (ref.start < entry.start) entry.start = ref.start;
    if (ref.write) entry.assigned = true;
    if (ref.member === null || ref.write) entry.members = null;
    else entry.members?.add(ref.member);
  }
  for (const call of evalCalls) if (!isDeclared(call.scope, 'eval')) useLexical('eval', call.start);

  lexical.sort((a, b) => a.start - b.start);
  return {
    source,
    shape: root.shape,
    wrap: root.wrap,
    free: [...free.values()].sort((a, b) => a.start - b.start),
    lexical,
  };
}

function isNode(value: unknown): value is AnyNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
