import { createToken, Lexer } from 'chevrotain';
// Spark SQL tokens. Keywords are case-insensitive and only match whole words, so `order_id` is an identifier, not
// ORDER. Most keywords are non-reserved, as in Spark: the grammar's `identifier` rule accepts them as names too
// (grammar.ts lists which), so a column called `date`, `range` or `view` still works.
/**
 * Every token that can be a name: plain and back-quoted identifiers and the non-reserved keywords. The grammar
 * consumes this one category, which keeps its lookahead analysis small.
 */
export const IdentifierLike = createToken({ name: 'IdentifierLike', pattern: Lexer.NA });
export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][A-Za-z0-9_]*/, categories: [IdentifierLike] });
export const QuotedIdentifier = createToken({ name: 'QuotedIdentifier', pattern: /`(?:[^`]|``)+`/, categories: [IdentifierLike] });
/** Keywords Spark does not reserve that may also be names (minus those that would make aliases ambiguous). */
const NON_RESERVED = new Set([
    'first', 'last', 'date', 'timestamp', 'asc', 'desc', 'nulls', 'div', 'view', 'tables', 'replace', 'if', 'show',
    'describe', 'table', 'explain', 'extended', 'cache', 'uncache', 'lazy', 'set', 'options', 'query', 'rows', 'range',
    'preceding', 'following', 'row', 'grouping', 'sets', 'to', 'global', 'create', 'drop', 'pivot', 'filter',
]);
const kw = (word) => createToken({
    name: word.toUpperCase(),
    pattern: new RegExp(`${word}(?![A-Za-z0-9_])`, 'i'),
    longer_alt: Identifier,
    ...(NON_RESERVED.has(word) ? { categories: [IdentifierLike] } : {}),
});
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
// Queries
export const Select = kw('select');
export const From = kw('from');
export const Where = kw('where');
export const Group = kw('group');
export const By = kw('by');
export const Having = kw('having');
export const Order = kw('order');
export const Limit = kw('limit');
export const Offset = kw('offset');
export const Union = kw('union');
export const All = kw('all');
export const Intersect = kw('intersect');
export const Except = kw('except');
export const Minus_ = kw('minus');
export const With = kw('with');
export const Join = kw('join');
export const Inner = kw('inner');
export const Left = kw('left');
export const Right = kw('right');
export const Full = kw('full');
export const Outer = kw('outer');
export const Semi = kw('semi');
export const Anti = kw('anti');
export const Cross = kw('cross');
export const On = kw('on');
export const Using = kw('using');
export const Over = kw('over');
export const Partition = kw('partition');
export const Rows = kw('rows');
export const Range = kw('range');
export const Unbounded = kw('unbounded');
export const Preceding = kw('preceding');
export const Following = kw('following');
export const Current = kw('current');
export const Row = kw('row');
export const Window = kw('window');
export const Interval = kw('interval');
export const Extract = kw('extract');
export const Lateral = kw('lateral');
export const View = kw('view');
export const Exists = kw('exists');
export const Values = kw('values');
export const For = kw('for');
export const Rollup = kw('rollup');
export const Cube = kw('cube');
export const Grouping = kw('grouping');
export const Sets = kw('sets');
export const To = kw('to');
export const Pivot = kw('pivot');
// Statements
export const Create = kw('create');
export const Replace = kw('replace');
export const Temporary = createToken({ name: 'TEMPORARY', pattern: /temp(?:orary)?(?![A-Za-z0-9_])/i, longer_alt: Identifier, categories: [IdentifierLike] });
export const Global = kw('global');
export const Drop = kw('drop');
export const If = kw('if');
export const Show = kw('show');
export const Tables = kw('tables');
export const Describe = kw('describe');
export const Table = kw('table');
export const Explain = kw('explain');
export const Extended = kw('extended');
export const Cache = kw('cache');
export const Uncache = kw('uncache');
export const Lazy = kw('lazy');
export const SetKw = kw('set');
export const Options = kw('options');
export const Query = kw('query');
export const Filter = kw('filter');
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
export const DoubleColon = createToken({ name: 'DoubleColon', pattern: /::/ });
export const Colon = createToken({ name: 'Colon', pattern: /:/ });
export const Semicolon = createToken({ name: 'Semicolon', pattern: /;/ });
/** Any other character (not a quote): the parser reports it as a syntax error at its position. */
export const Other = createToken({ name: 'Other', pattern: /[^'"`\s]/ });
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /\s+/, group: Lexer.SKIPPED });
export const LineComment = createToken({ name: 'LineComment', pattern: /--[^\n]*/, group: Lexer.SKIPPED });
export const BlockComment = createToken({ name: 'BlockComment', pattern: /\/\*[\s\S]*?\*\//, group: Lexer.SKIPPED });
const KEYWORDS = [
    And, Or, Not, Is, Null, True, False, In, Between, Like, ILike, RLike, Regexp, Case, When, Then, Else, End, TryCast, Cast, As,
    Distinct, Div, DateKw, TimestampKw, Asc, Desc, Nulls, First, Last,
    Select, From, Where, Group, By, Having, Order, Limit, Offset, Union, All, Intersect, Except, Minus_, With, Join, Inner, Left,
    Right, Full, Outer, Semi, Anti, Cross, On, Using, Over, Partition, Rows, Range, Unbounded, Preceding, Following, Current, Row,
    Window, Interval, Extract, Lateral, View, Exists, Values, For, Rollup, Cube, Grouping, Sets, To, Pivot,
    Create, Replace, Temporary, Global, Drop, If, Show, Tables, Describe, Table, Explain, Extended, Cache, Uncache, Lazy, SetKw,
    Options, Query, Filter,
];
export const allTokens = [
    IdentifierLike,
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
    DoubleColon,
    Colon,
    Semicolon,
    Other,
];
export const sqlLexer = new Lexer(allTokens, { ensureOptimizations: false, positionTracking: 'full' });
//# sourceMappingURL=lexer.js.map