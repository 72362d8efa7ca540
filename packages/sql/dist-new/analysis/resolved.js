export {};
//# sourceMappingURL=resolved.js.map