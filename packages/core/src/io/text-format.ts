/**
 * How saveAsTextFile writes one element as a line: strings as they are, numbers, booleans and bigints with
 * String(), Dates as ISO-8601, and arrays/objects as JSON (so pairs read back with JSON.parse).
 */
export function formatTextRecord(r: unknown): string {
  if (typeof r === 'string') return r;
  if (r instanceof Date) return r.toISOString();
  if (r === null || typeof r !== 'object') return String(r);
  return JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
}
