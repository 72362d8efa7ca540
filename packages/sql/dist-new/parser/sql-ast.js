export const isParsedSubquery = (e) => e?.kind === 'parsedSubquery';
//# sourceMappingURL=sql-ast.js.map