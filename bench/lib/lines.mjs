// Chunked line reader shared by the plain-loop peer: reads the file in big
// Buffer chunks with fs.readSync and calls onLine(line) for each '\n'-separated
// line, with Hadoop/Spark textFile semantics (a trailing '\r' is dropped and a
// final newline does not produce an extra empty line). Works for files larger
// than V8's maximum string length.
import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

export function forEachLine(file, onLine, chunkBytes = 16 << 20) {
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.allocUnsafe(chunkBytes);
  const dec = new StringDecoder('utf8');
  let carry = '';
  try {
    for (;;) {
      const n = fs.readSync(fd, buf, 0, chunkBytes, null);
      if (n === 0) break;
      const text = carry + dec.write(buf.subarray(0, n));
      let start = 0;
      for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
        let end = nl;
        if (end > start && text.charCodeAt(end - 1) === 13) end--;
        onLine(text.slice(start, end));
        start = nl + 1;
      }
      carry = text.slice(start);
    }
    carry += dec.end();
    if (carry.length > 0) onLine(carry.endsWith('\r') ? carry.slice(0, -1) : carry);
  } finally {
    fs.closeSync(fd);
  }
}
