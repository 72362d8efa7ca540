export function isNullAt(v, i) {
    return v.nulls !== null && v.nulls[i] === 1;
}
//# sourceMappingURL=vec.js.map