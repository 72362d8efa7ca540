export {};
//# sourceMappingURL=moments.d.ts.map