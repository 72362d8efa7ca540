export {};
//# sourceMappingURL=collections.d.ts.map