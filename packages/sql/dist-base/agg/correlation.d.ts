export {};
//# sourceMappingURL=correlation.d.ts.map