/** A bound expression as text, naming inputs by the child's column names (for explain). */
export function boundText(b, input) {
    const t = (x) => boundText(x, input);
    switch (b.kind) {
        case 'input':
            return input[b.ordinal]?.name ?? `#${b.ordinal}`;
        case 'literal':
            return b.value === null ? 'null' : typeof b.value === 'string' ? `'${b.value}'` : String(b.value);
        case 'unary':
            return b.op === 'not' ? `NOT ${t(b.child)}` : b.op === 'negate' ? `-${t(b.child)}` : `${b.op.replace('is', 'is').toLowerCase()}(${t(b.child)})`;
        case 'binary':
            return `(${t(b.left)} ${b.op.toUpperCase()} ${t(b.right)})`;
        case 'cast':
            return `${b.ansi ? 'cast' : 'try_cast'}(${t(b.child)} as ${b.type})`;
        case 'case':
            return `CASE ${b.branches.map((x) => `WHEN ${t(x.when)} THEN ${t(x.then)}`).join(' ')}${b.otherwise ? ` ELSE ${t(b.otherwise)}` : ''} END`;
        case 'in':
            return `${t(b.child)} IN (${b.list.map(t).join(',')})`;
        case 'call':
            return `${b.name}(${b.args.map(t).join(', ')})`;
    }
}
//# sourceMappingURL=bound-text.js.map