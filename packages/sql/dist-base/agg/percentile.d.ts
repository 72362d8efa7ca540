export {};
//# sourceMappingURL=percentile.d.ts.map