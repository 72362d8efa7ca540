export {};
//# sourceMappingURL=attribute.js.map