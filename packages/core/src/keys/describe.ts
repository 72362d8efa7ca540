/** Short, user-facing description of a value's kind, for error messages. */
export function describeKind(value: unknown): string {
  if (value === null) return 'null';
  const t = typeof value;
  if (t !== 'object') return t;
  const proto = Object.getPrototypeOf(value);
  const name = proto?.constructor?.name;
  return name ? `an instance of ${name}` : 'an object';
}
