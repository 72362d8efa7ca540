// The line protocol every benchmark peer prints on stdout (fields separated by tabs), parsed by
// bench/lib/measure.mjs:
//   T <label> <seconds>                      time of one step inside the process
//   C <label> <rows> <chk1> [<chk2> ...]     checksum of a question's answer (rows = answer rows)
//   U <label> <reason>                       step not supported by this peer
const out = (...f) => process.stdout.write(f.join('\t') + '\n');
export const emitTime = (label, s) => out('T', label, s.toFixed(4));
export const emitChk = (label, rows, ...chk) => out('C', label, String(Number(rows)), ...chk.map((v) => (v === null || v === undefined ? 'null' : String(Number(v)))));
export const emitUnsupported = (label, reason) => out('U', label, reason.replace(/[\t\n]/g, ' '));

/** Time an async step; returns its value. */
export async function timed(label, fn) {
  const t0 = process.hrtime.bigint();
  const v = await fn();
  emitTime(label, Number(process.hrtime.bigint() - t0) / 1e9);
  return v;
}
