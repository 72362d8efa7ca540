import { createToken, Lexer, type TokenType } from 'chevrotain';

// Spark SQL tokens for expressions. Keywords are case-insensitive and only match whole words, so `order_id` is an
// identifier, not ORDER. The SQL statements of issue 5 extend this list.

export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][A-Za-z0-9_]*/ });
export const QuotedIdentifier = createToken({ name: 'QuotedIdentifier', pattern: /`(?:[^`]|``)+`/ });

const kw = (word: string) =>
  createToken({ name: word.toUpperCase(), pattern: new RegExp(`${word}(?![A-Za-z0-9_])`, 'i'), longer_alt: Identifier });

export const And = kw('and');
export const Or = kw('or');
export const Not = kw('not');
export const Is = kw('is');
export const Null = kw('null');
export const True = kw('true');
export const False = kw('false');
export const In = kw('in');
export const Between = kw('between');
export const Like = kw('like');
export const ILike = kw('ilike');
export const RLike = kw('rlike');
export const Regexp = kw('regexp');
export const Case = kw('case');
export const When = kw('when');
export const Then = kw('then');
export const Else = kw('else');
export const End = kw('end');
export const Cast = kw('cast');
export const TryCast = kw('try_cast');
export const As = kw('as');
export const Distinct = kw('distinct');
export const Div = kw('div');
export const DateKw = kw('date');
export const TimestampKw = kw('timestamp');
export const Asc = kw('asc');
export const Desc = kw('desc');
export const Nulls = kw('nulls');
export const First = kw('first');
export const Last = kw('last');

export const StringLiteral = createToken({ name: 'StringLiteral', pattern: /'(?:[^'\\]|\\.|'')*'|"(?:[^"\\]|\\.|"")*"/ });
export const DecimalLiteral = createToken({ name: 'DecimalLiteral', pattern: /(?:\d+\.\d*|\.\d+)(?:[eE][+-]?\d+)?[dDfF]?|\d+[eE][+-]?\d+[dDfF]?|\d+[dDfF]|\d+BD/i });
export const IntegerLiteral = createToken({ name: 'IntegerLiteral', pattern: /\d+[LSY]?/i });

export const NullSafeEq = createToken({ name: 'NullSafeEq', pattern: /<=>/ });
export const NotEq = createToken({ name: 'NotEq', pattern: /<>|!=/ });
export const LtEq = createToken({ name: 'LtEq', pattern: /<=/ });
export const GtEq = createToken({ name: 'GtEq', pattern: />=/ });
export const Eq = createToken({ name: 'Eq', pattern: /==|=/ });
export const Lt = createToken({ name: 'Lt', pattern: /</ });
export const Gt = createToken({ name: 'Gt', pattern: />/ });
export const Concat = createToken({ name: 'Concat', pattern: /\|\|/ });
export const Plus = createToken({ name: 'Plus', pattern: /\+/ });
export const Minus = createToken({ name: 'Minus', pattern: /-/ });
export const Star = createToken({ name: 'Star', pattern: /\*/ });
export const Slash = createToken({ name: 'Slash', pattern: /\// });
export const Percent = createToken({ name: 'Percent', pattern: /%/ });
export const LParen = createToken({ name: 'LParen', pattern: /\(/ });
export const RParen = createToken({ name: 'RParen', pattern: /\)/ });
export const Comma = createToken({ name: 'Comma', pattern: /,/ });
export const Dot = createToken({ name: 'Dot', pattern: /\./ });
export const Colon = createToken({ name: 'Colon', pattern: /:/ });
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /\s+/, group: Lexer.SKIPPED });
export const LineComment = createToken({ name: 'LineComment', pattern: /--[^\n]*/, group: Lexer.SKIPPED });
export const BlockComment = createToken({ name: 'BlockComment', pattern: /\/\*[\s\S]*?\*\//, group: Lexer.SKIPPED });

const KEYWORDS = [And, Or, Not, Is, Null, True, False, In, Between, Like, ILike, RLike, Regexp, Case, When, Then, Else, End, TryCast, Cast, As, Distinct, Div, DateKw, TimestampKw, Asc, Desc, Nulls, First, Last];

export const allTokens: TokenType[] = [
  WhiteSpace,
  LineComment,
  BlockComment,
  StringLiteral,
  QuotedIdentifier,
  DecimalLiteral,
  IntegerLiteral,
  ...KEYWORDS,
  Identifier,
  NullSafeEq,
  NotEq,
  LtEq,
  GtEq,
  Eq,
  Lt,
  Gt,
  Concat,
  Plus,
  Minus,
  Star,
  Slash,
  Percent,
  LParen,
  RParen,
  Comma,
  Dot,
  Colon,
];

export const sqlLexer = new Lexer(allTokens, { ensureOptimizations: false, positionTracking: 'full' });
