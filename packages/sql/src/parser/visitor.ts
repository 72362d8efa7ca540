import type { CstNode, IToken } from 'chevrotain';
import type { BinaryOp, Expr } from '../expr/ast.js';

// Builds Expr ASTs from the CST. Chevrotain's CST is `{ name, children: { label: (CstNode | IToken)[] } }`; the
// helpers below read it by label.

type Children = Record<string, (CstNode | IToken)[] | undefined>;

const kids = (n: CstNode): Children => n.children as Children;
const nodes = (n: CstNode, label: string): CstNode[] => (kids(n)[label] ?? []) as CstNode[];
const tokens = (n: CstNode, label: string): IToken[] => (kids(n)[label] ?? []) as IToken[];
const node = (n: CstNode, label: string): CstNode | undefined => nodes(n, label)[0];
const token = (n: CstNode, label: string): IToken | undefined => tokens(n, label)[0];

/** Tokens labelled differently but consumed in source order (operators between operands). */
function opsInOrder(n: CstNode, label = 'ops'): IToken[] {
  return tokens(n, label).sort((a, b) => a.startOffset - b.startOffset);
}

export function identifierText(n: CstNode): string {
  const t = Object.values(kids(n)).flat()[0] as IToken;
  return t.image.startsWith('`') ? t.image.slice(1, -1).replace(/``/g, '`') : t.image;
}

/** A SQL string literal's value: quotes removed, escapes (\n, \t, \', doubled quotes) applied. */
export function unquote(image: string): string {
  const q = image[0]!;
  const body = image.slice(1, -1).replaceAll(q + q, q);
  return body.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_m, c: string) => {
    if (c.length === 5) return String.fromCharCode(parseInt(c.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r', b: '\b', '0': '\0', Z: '\x1a', '%': '\\%', _: '\\_' } as Record<string, string>)[c] ?? c;
  });
}

const BINARY: Record<string, BinaryOp> = {
  '=': '=',
  '==': '=',
  '<>': '!=',
  '!=': '!=',
  '<=>': '<=>',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
  '+': '+',
  '-': '-',
  '*': '*',
  '/': '/',
  '%': '%',
};

function leftAssoc(n: CstNode, operand: (c: CstNode) => Expr, opOf: (t: IToken) => (l: Expr, r: Expr) => Expr): Expr {
  const operands = nodes(n, 'operands').map(operand);
  const ops = opsInOrder(n);
  let acc = operands[0]!;
  ops.forEach((op, i) => (acc = opOf(op)(acc, operands[i + 1]!)));
  return acc;
}

const bin = (op: BinaryOp) => (left: Expr, right: Expr): Expr => ({ kind: 'binary', op, left, right });

export function expression(n: CstNode): Expr {
  return or(node(n, 'orExpression')!);
}

function or(n: CstNode): Expr {
  return nodes(n, 'operands').map(and).reduce((a, b) => ({ kind: 'binary', op: 'or', left: a, right: b }));
}

function and(n: CstNode): Expr {
  return nodes(n, 'operands').map(not).reduce((a, b) => ({ kind: 'binary', op: 'and', left: a, right: b }));
}

function not(n: CstNode): Expr {
  const inner = node(n, 'notExpression');
  if (inner) return { kind: 'unary', op: 'not', child: not(inner) };
  return predicate(node(n, 'predicate')!);
}

function predicate(n: CstNode): Expr {
  const value = comparison(node(n, 'comparison')!);
  const negate = (e: Expr): Expr => (token(n, 'negated') ? { kind: 'unary', op: 'not', child: e } : e);
  if (kids(n).IS) return { kind: 'unary', op: token(n, 'isNot') ? 'isNotNull' : 'isNull', child: value };
  if (kids(n).IN) return negate({ kind: 'in', child: value, list: nodes(n, 'inList').map(expression) });
  if (kids(n).BETWEEN) {
    const lower = comparison(node(n, 'lower')!);
    const upper = comparison(node(n, 'upper')!);
    return negate({ kind: 'binary', op: 'and', left: bin('>=')(value, lower), right: bin('<=')(value, upper) });
  }
  const like = token(n, 'likeOp');
  if (like) {
    const pattern = comparison(node(n, 'pattern')!);
    const op = like.image.toLowerCase();
    if (op === 'ilike') return negate({ kind: 'call', name: 'ilike', args: [value, pattern] });
    return negate(bin(op === 'like' ? 'like' : 'rlike')(value, pattern));
  }
  return value;
}

function comparison(n: CstNode): Expr {
  return leftAssoc(n, concat, (t) => bin(BINARY[t.image]!));
}

function concat(n: CstNode): Expr {
  const parts = nodes(n, 'operands').map(additive);
  return parts.length === 1 ? parts[0]! : { kind: 'call', name: 'concat', args: parts };
}

function additive(n: CstNode): Expr {
  return leftAssoc(n, multiplicative, (t) => bin(BINARY[t.image]!));
}

function multiplicative(n: CstNode): Expr {
  return leftAssoc(n, unary, (t) => bin(t.image.toLowerCase() === 'div' ? 'div' : BINARY[t.image]!));
}

function unary(n: CstNode): Expr {
  const sign = token(n, 'sign');
  if (sign) {
    const child = unary(node(n, 'unary')!);
    if (sign.image === '+') return child;
    if (child.kind === 'literal' && typeof child.value === 'number') return { ...child, value: -child.value };
    if (child.kind === 'literal' && typeof child.value === 'bigint') return { ...child, value: -child.value };
    if (child.kind === 'literal' && typeof child.value === 'string' && child.type?.startsWith('decimal')) return { ...child, value: '-' + child.value };
    return { kind: 'unary', op: 'negate', child };
  }
  return primary(node(n, 'primary')!);
}

function primary(n: CstNode): Expr {
  const c = kids(n);
  if (c.literal) return literal(node(n, 'literal')!);
  if (c.castExpression) return cast(node(n, 'castExpression')!);
  if (c.caseExpression) return caseExpr(node(n, 'caseExpression')!);
  if (c.expression) return expression(node(n, 'expression')!);
  if (c.Star) return { kind: 'star' };
  return reference(node(n, 'reference')!);
}

function reference(n: CstNode): Expr {
  const parts = nodes(n, 'parts').map(identifierText);
  if (token(n, 'qualifiedStar')) return { kind: 'star', qualifier: parts.join('.') };
  if (token(n, 'call')) {
    const name = parts.join('.').toLowerCase();
    if (token(n, 'starArg')) return { kind: 'call', name, args: [{ kind: 'literal', value: 1, type: null }] };
    const args = nodes(n, 'args').map(expression);
    return kids(n).DISTINCT ? { kind: 'call', name, args, distinct: true } : { kind: 'call', name, args };
  }
  if (parts.length === 1) return { kind: 'column', name: parts[0]! };
  return { kind: 'column', name: parts[parts.length - 1]!, qualifier: parts.slice(0, -1).join('.') };
}

function literal(n: CstNode): Expr {
  const c = kids(n);
  if (c.IntegerLiteral) {
    const img = token(n, 'IntegerLiteral')!.image;
    const suffix = img.slice(-1).toUpperCase();
    if (suffix === 'L') return { kind: 'literal', value: BigInt(img.slice(0, -1)), type: 'bigint' };
    if (suffix === 'S') return { kind: 'literal', value: Number(img.slice(0, -1)), type: 'smallint' };
    if (suffix === 'Y') return { kind: 'literal', value: Number(img.slice(0, -1)), type: 'tinyint' };
    const v = BigInt(img);
    if (v < 2n ** 31n) return { kind: 'literal', value: Number(v), type: 'int' };
    if (v < 2n ** 63n) return { kind: 'literal', value: v, type: 'bigint' };
    return { kind: 'literal', value: img, type: `decimal(${img.length},0)` };
  }
  if (c.DecimalLiteral) {
    const img = token(n, 'DecimalLiteral')!.image;
    const last = img.slice(-1).toUpperCase();
    if (last === 'D' && !/BD$/i.test(img)) return { kind: 'literal', value: Number(img.slice(0, -1)), type: 'double' };
    if (last === 'F') return { kind: 'literal', value: Number(img.slice(0, -1)), type: 'float' };
    if (/BD$/i.test(img) || !/[eE]/.test(img)) {
      // 1.50 is DECIMAL(3,2), as Spark types decimal literals (exact, not double).
      const text = img.replace(/BD$/i, '');
      const [int = '', frac = ''] = text.split('.');
      const digits = (int.replace(/^0+/, '') + frac).length || 1;
      const scale = frac.length;
      return { kind: 'literal', value: text.startsWith('.') ? '0' + text : text, type: `decimal(${Math.max(digits, scale)},${scale})` };
    }
    return { kind: 'literal', value: Number(img), type: 'double' };
  }
  if (c.TRUE) return { kind: 'literal', value: true, type: 'boolean' };
  if (c.FALSE) return { kind: 'literal', value: false, type: 'boolean' };
  if (c.NULL) return { kind: 'literal', value: null, type: null };
  const typed = token(n, 'typed');
  if (typed) {
    const text = unquote(token(n, 'typedValue')!.image);
    return { kind: 'cast', child: { kind: 'literal', value: text, type: 'string' }, to: typed.image.toLowerCase() === 'date' ? 'date' : 'timestamp', ansi: true };
  }
  return { kind: 'literal', value: tokens(n, 'StringLiteral').map((t) => unquote(t.image)).join(''), type: 'string' };
}

export function dataTypeText(n: CstNode): string {
  const name = identifierText(node(n, 'name')!).toLowerCase();
  const params = tokens(n, 'params').map((t) => t.image);
  if (params.length) return `${name}(${params.join(',')})`;
  const args = nodes(n, 'args');
  if (!args.length) return name;
  const fields = nodes(n, 'fieldNames').map(identifierText);
  return `${name}<${args.map((a, i) => (fields[i] ? `${fields[i]}:` : '') + dataTypeText(a)).join(',')}>`;
}

function cast(n: CstNode): Expr {
  return {
    kind: 'cast',
    child: expression(node(n, 'expression')!),
    to: dataTypeText(node(n, 'dataType')!),
    ansi: token(n, 'op')!.image.toLowerCase() === 'cast',
  };
}

function caseExpr(n: CstNode): Expr {
  const subject = node(n, 'subject');
  const s = subject ? expression(subject) : null;
  const thens = nodes(n, 'thens').map(expression);
  const branches = nodes(n, 'whens').map((w, i) => {
    const when = expression(w);
    return { when: s ? bin('=')(s, when) : when, then: thens[i]! };
  });
  const otherwise = node(n, 'otherwise');
  return { kind: 'case', branches, otherwise: otherwise ? expression(otherwise) : null };
}

/** expression [AS] alias */
export function namedExpression(n: CstNode): Expr {
  const e = expression(node(n, 'expression')!);
  const alias = node(n, 'alias');
  return alias ? { kind: 'alias', child: e, name: identifierText(alias) } : e;
}

/** expression [ASC|DESC] [NULLS FIRST|LAST], with Spark's default null order per direction. */
export function sortItem(n: CstNode): Expr {
  const child = expression(node(n, 'expression')!);
  const ascending = !kids(n).DESC;
  const nullsFirst = kids(n).FIRST ? true : kids(n).LAST ? false : ascending;
  return { kind: 'sortOrder', child, ascending, nullsFirst };
}
