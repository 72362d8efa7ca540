export { Session, SessionBuilder } from './api/session.js';
export { DataFrame, GroupedData, NaFunctions } from './api/dataframe.js';
export { PivotedData, PendingPivot } from './api/pivot.js';
export { Catalog } from './api/catalog.js';
export { DataFrameReader } from './api/reader.js';
export { DataFrameWriter } from './api/writer.js';
export { Column } from './api/column.js';
export { Window, WindowSpec } from './api/window.js';
export * as functions from './api/functions.js';
export { col, lit, when, expr } from './api/functions.js';
export { parseExpression, parseNamedExpressions, parseStatement, parseScript, splitStatements, ParseError } from './parser/parse.js';
export * from './types/data-types.js';
export { parseType, parseSchema } from './types/parse-type.js';
export { AnalysisError } from './analysis/errors.js';
export { formatTable, formatVertical, showValue } from './display/show.js';
//# sourceMappingURL=index.js.map