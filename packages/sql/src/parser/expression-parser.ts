import { CstParser, type CstNode } from 'chevrotain';
import * as T from './lexer.js';

/**
 * The grammar of Spark SQL expressions, as a chevrotain CST parser (grammar only; visitor.ts builds the AST).
 * Precedence, loosest first: OR, AND, NOT, predicates (comparisons, IS [NOT] NULL, [NOT] IN, [NOT] BETWEEN,
 * [NOT] LIKE/ILIKE/RLIKE), ||, + -, * / % DIV, unary - +, primary. One instance is reused for every parse.
 */
export class ExpressionParser extends CstParser {
  constructor() {
    super(T.allTokens, { recoveryEnabled: false, maxLookahead: 3 });
    this.performSelfAnalysis();
  }

  namedExpressionList = this.RULE('namedExpressionList', () => {
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.namedExpression) });
  });

  namedExpression = this.RULE('namedExpression', () => {
    this.SUBRULE(this.expression);
    this.OPTION(() => {
      this.OPTION2(() => this.CONSUME(T.As));
      this.SUBRULE(this.identifier, { LABEL: 'alias' });
    });
  });

  sortItem = this.RULE('sortItem', () => {
    this.SUBRULE(this.expression);
    this.OPTION(() => this.OR([{ ALT: () => this.CONSUME(T.Asc) }, { ALT: () => this.CONSUME(T.Desc) }]));
    this.OPTION2(() => {
      this.CONSUME(T.Nulls);
      this.OR2([{ ALT: () => this.CONSUME(T.First) }, { ALT: () => this.CONSUME(T.Last) }]);
    });
  });

  expression = this.RULE('expression', () => {
    this.SUBRULE(this.orExpression);
  });

  orExpression = this.RULE('orExpression', () => {
    this.SUBRULE(this.andExpression, { LABEL: 'operands' });
    this.MANY(() => {
      this.CONSUME(T.Or);
      this.SUBRULE2(this.andExpression, { LABEL: 'operands' });
    });
  });

  andExpression = this.RULE('andExpression', () => {
    this.SUBRULE(this.notExpression, { LABEL: 'operands' });
    this.MANY(() => {
      this.CONSUME(T.And);
      this.SUBRULE2(this.notExpression, { LABEL: 'operands' });
    });
  });

  notExpression = this.RULE('notExpression', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Not);
          this.SUBRULE(this.notExpression);
        },
      },
      { ALT: () => this.SUBRULE(this.predicate) },
    ]);
  });

  predicate = this.RULE('predicate', () => {
    this.SUBRULE(this.comparison);
    this.OPTION(() => {
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.Is);
            this.OPTION2(() => this.CONSUME(T.Not, { LABEL: 'isNot' }));
            this.CONSUME(T.Null);
          },
        },
        {
          ALT: () => {
            this.OPTION3(() => this.CONSUME2(T.Not, { LABEL: 'negated' }));
            this.OR2([
              {
                ALT: () => {
                  this.CONSUME(T.In);
                  this.CONSUME(T.LParen);
                  this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expression, { LABEL: 'inList' }) });
                  this.CONSUME(T.RParen);
                },
              },
              {
                ALT: () => {
                  this.CONSUME(T.Between);
                  this.SUBRULE2(this.comparison, { LABEL: 'lower' });
                  this.CONSUME(T.And);
                  this.SUBRULE3(this.comparison, { LABEL: 'upper' });
                },
              },
              {
                ALT: () => {
                  this.OR3([
                    { ALT: () => this.CONSUME(T.Like, { LABEL: 'likeOp' }) },
                    { ALT: () => this.CONSUME(T.ILike, { LABEL: 'likeOp' }) },
                    { ALT: () => this.CONSUME(T.RLike, { LABEL: 'likeOp' }) },
                    { ALT: () => this.CONSUME(T.Regexp, { LABEL: 'likeOp' }) },
                  ]);
                  this.SUBRULE4(this.comparison, { LABEL: 'pattern' });
                },
              },
            ]);
          },
        },
      ]);
    });
  });

  comparison = this.RULE('comparison', () => {
    this.SUBRULE(this.concatExpression, { LABEL: 'operands' });
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Eq, { LABEL: 'ops' }) },
        { ALT: () => this.CONSUME(T.NotEq, { LABEL: 'ops' }) },
        { ALT: () => this.CONSUME(T.NullSafeEq, { LABEL: 'ops' }) },
        { ALT: () => this.CONSUME(T.LtEq, { LABEL: 'ops' }) },
        { ALT: () => this.CONSUME(T.GtEq, { LABEL: 'ops' }) },
        { ALT: () => this.CONSUME(T.Lt, { LABEL: 'ops' }) },
        { ALT: () => this.CONSUME(T.Gt, { LABEL: 'ops' }) },
      ]);
      this.SUBRULE2(this.concatExpression, { LABEL: 'operands' });
    });
  });

  concatExpression = this.RULE('concatExpression', () => {
    this.SUBRULE(this.additive, { LABEL: 'operands' });
    this.MANY(() => {
      this.CONSUME(T.Concat);
      this.SUBRULE2(this.additive, { LABEL: 'operands' });
    });
  });

  additive = this.RULE('additive', () => {
    this.SUBRULE(this.multiplicative, { LABEL: 'operands' });
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Plus, { LABEL: 'ops' }) }, { ALT: () => this.CONSUME(T.Minus, { LABEL: 'ops' }) }]);
      this.SUBRULE2(this.multiplicative, { LABEL: 'operands' });
    });
  });

  multiplicative = this.RULE('multiplicative', () => {
    this.SUBRULE(this.unary, { LABEL: 'operands' });
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Star, { LABEL: 'ops' }) },
        { ALT: () => this.CONSUME(T.Slash, { LABEL: 'ops' }) },
        { ALT: () => this.CONSUME(T.Percent, { LABEL: 'ops' }) },
        { ALT: () => this.CONSUME(T.Div, { LABEL: 'ops' }) },
      ]);
      this.SUBRULE2(this.unary, { LABEL: 'operands' });
    });
  });

  unary = this.RULE('unary', () => {
    this.OR([
      {
        ALT: () => {
          this.OR2([{ ALT: () => this.CONSUME(T.Minus, { LABEL: 'sign' }) }, { ALT: () => this.CONSUME(T.Plus, { LABEL: 'sign' }) }]);
          this.SUBRULE(this.unary);
        },
      },
      { ALT: () => this.SUBRULE(this.primary) },
    ]);
  });

  primary = this.RULE('primary', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.literal) },
      { ALT: () => this.SUBRULE(this.castExpression) },
      { ALT: () => this.SUBRULE(this.caseExpression) },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.SUBRULE(this.expression);
          this.CONSUME(T.RParen);
        },
      },
      { ALT: () => this.CONSUME(T.Star) },
      { ALT: () => this.SUBRULE(this.reference) },
    ]);
  });

  /** A column (a, t.a, `a b`), t.*, or a function call f(args), count(*), count(DISTINCT a, b). */
  reference = this.RULE('reference', () => {
    this.SUBRULE(this.identifier, { LABEL: 'parts' });
    this.MANY(() => {
      this.CONSUME(T.Dot);
      this.OR([{ ALT: () => this.SUBRULE2(this.identifier, { LABEL: 'parts' }) }, { ALT: () => this.CONSUME(T.Star, { LABEL: 'qualifiedStar' }) }]);
    });
    this.OPTION(() => {
      this.CONSUME(T.LParen, { LABEL: 'call' });
      this.OPTION2(() => {
        this.OR2({
          IGNORE_AMBIGUITIES: true,
          DEF: [
          { GATE: () => this.LA(2).tokenType === T.RParen, ALT: () => this.CONSUME2(T.Star, { LABEL: 'starArg' }) },
          {
            ALT: () => {
              this.OPTION3(() => this.CONSUME(T.Distinct));
              this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expression, { LABEL: 'args' }) });
            },
          },
          ],
        });
      });
      this.CONSUME(T.RParen);
    });
  });

  literal = this.RULE('literal', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.IntegerLiteral) },
      { ALT: () => this.CONSUME(T.DecimalLiteral) },
      { ALT: () => this.AT_LEAST_ONE(() => this.CONSUME(T.StringLiteral)) },
      { ALT: () => this.CONSUME(T.True) },
      { ALT: () => this.CONSUME(T.False) },
      { ALT: () => this.CONSUME(T.Null) },
      {
        GATE: () => this.LA(2).tokenType === T.StringLiteral,
        ALT: () => {
          this.OR2([{ ALT: () => this.CONSUME(T.DateKw, { LABEL: 'typed' }) }, { ALT: () => this.CONSUME(T.TimestampKw, { LABEL: 'typed' }) }]);
          this.CONSUME2(T.StringLiteral, { LABEL: 'typedValue' });
        },
      },
    ]);
  });

  castExpression = this.RULE('castExpression', () => {
    this.OR([{ ALT: () => this.CONSUME(T.Cast, { LABEL: 'op' }) }, { ALT: () => this.CONSUME(T.TryCast, { LABEL: 'op' }) }]);
    this.CONSUME(T.LParen);
    this.SUBRULE(this.expression);
    this.CONSUME(T.As);
    this.SUBRULE(this.dataType);
    this.CONSUME(T.RParen);
  });

  dataType = this.RULE('dataType', () => {
    this.SUBRULE(this.identifier, { LABEL: 'name' });
    this.OPTION(() => {
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.LParen);
            this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.CONSUME(T.IntegerLiteral, { LABEL: 'params' }) });
            this.CONSUME(T.RParen);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Lt);
            this.AT_LEAST_ONE_SEP2({
              SEP: T.Comma,
              DEF: () => {
                this.OPTION2({
                  GATE: () => this.LA(2).tokenType === T.Colon,
                  DEF: () => {
                    this.SUBRULE2(this.identifier, { LABEL: 'fieldNames' });
                    this.CONSUME(T.Colon);
                  },
                });
                this.SUBRULE(this.dataType, { LABEL: 'args' });
              },
            });
            this.CONSUME(T.Gt);
          },
        },
      ]);
    });
  });

  caseExpression = this.RULE('caseExpression', () => {
    this.CONSUME(T.Case);
    this.OPTION(() => this.SUBRULE(this.expression, { LABEL: 'subject' }));
    this.AT_LEAST_ONE(() => {
      this.CONSUME(T.When);
      this.SUBRULE2(this.expression, { LABEL: 'whens' });
      this.CONSUME(T.Then);
      this.SUBRULE3(this.expression, { LABEL: 'thens' });
    });
    this.OPTION2(() => {
      this.CONSUME(T.Else);
      this.SUBRULE4(this.expression, { LABEL: 'otherwise' });
    });
    this.CONSUME(T.End);
  });

  /** Names, including keywords Spark does not reserve (first, last, date, ...). */
  identifier = this.RULE('identifier', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Identifier) },
      { ALT: () => this.CONSUME(T.QuotedIdentifier) },
      { ALT: () => this.CONSUME(T.First) },
      { ALT: () => this.CONSUME(T.Last) },
      { ALT: () => this.CONSUME(T.DateKw) },
      { ALT: () => this.CONSUME(T.TimestampKw) },
      { ALT: () => this.CONSUME(T.Asc) },
      { ALT: () => this.CONSUME(T.Desc) },
      { ALT: () => this.CONSUME(T.Nulls) },
      { ALT: () => this.CONSUME(T.Div) },
    ]);
  });
}

export type { CstNode };
