export {};
//# sourceMappingURL=datetime.d.ts.map