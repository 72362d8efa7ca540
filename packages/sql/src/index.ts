export { Session, SessionBuilder } from './api/session.js';
export { DataFrame, GroupedData, type Row } from './api/dataframe.js';
export { DataFrameReader } from './api/reader.js';
export { Column } from './api/column.js';
export * as functions from './api/functions.js';
export { col, lit, when } from './api/functions.js';
export * from './types/data-types.js';
export { parseType, parseSchema } from './types/parse-type.js';
export { AnalysisError } from './analysis/errors.js';
