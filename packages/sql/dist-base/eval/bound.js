export {};
//# sourceMappingURL=bound.js.map