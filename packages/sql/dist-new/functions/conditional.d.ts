export {};
//# sourceMappingURL=conditional.d.ts.map