export {};
//# sourceMappingURL=subquery.d.ts.map