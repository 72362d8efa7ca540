export {};
//# sourceMappingURL=file-source.js.map