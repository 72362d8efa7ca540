/**
 * The CSV tokenizer: a hand-written scanner over UTF-8 bytes. `scanRecord` finds the field boundaries of one
 * record; the parse helpers turn a field's bytes into numbers without making a string. Separators, quotes and
 * escapes are ASCII, and every byte of a multi-byte UTF-8 character is >= 0x80, so scanning bytes is exact.
 */
export declare const NL = 10;
export declare const CR = 13;
/** Field flags. */
export declare const QUOTED = 1;
/** The quoted value holds escapes ("" or \") or a CRLF to normalize: copy it through `unescape`. */
export declare const UNESCAPE = 2;
export interface ScanConfig {
    sep: number;
    quote: number;
    escape: number;
    multiLine: boolean;
}
/** Field boundaries of the last scanned record. Arrays grow as needed. */
export declare class Fields {
    starts: Int32Array<ArrayBuffer>;
    ends: Int32Array<ArrayBuffer>;
    flags: Uint8Array<ArrayBuffer>;
    count: number;
    /** Newlines inside quoted values of the record (multiLine), for line numbers. */
    innerLines: number;
    grow(): void;
}
/**
 * Scans one record starting at `pos` and returns the index after its terminating '\n'. `buf[limit - 1]` must be
 * '\n' (a sentinel: unquoted scanning needs no bounds checks). A trailing '\r' before the '\n' is dropped.
 * Without multiLine a quote left open ends at the end of the line.
 */
export declare function scanRecord(buf: Uint8Array, pos: number, limit: number, cfg: ScanConfig, out: Fields): number;
/** True when the line at `pos` is blank (only spaces, tabs and a '\r'); Spark skips blank lines. */
export declare function blankLine(buf: Uint8Array, pos: number): boolean;
/** Index after the next '\n' at or after pos (limit if none). */
export declare function skipLine(buf: Uint8Array, pos: number, limit: number): number;
/** Copies a quoted value, resolving doubled quotes, escaped quotes/escapes and CRLF → LF, into dst at d. */
export declare function unescapeInto(src: Uint8Array, s: number, e: number, quote: number, escape: number, dst: Uint8Array, d: number): number;
/** A field's text (unescaped when needed). */
export declare function fieldText(buf: Uint8Array, s: number, e: number, flags: number, cfg: ScanConfig): string;
/** Whether buf[s, e) equals the given bytes. */
export declare function bytesEqual(buf: Uint8Array, s: number, e: number, b: Uint8Array): boolean;
export declare const parseState: {
    failed: boolean;
};
/** Java's Integer.parseInt: an optional sign and decimal digits, nothing else. */
export declare function parseIntBytes(buf: Uint8Array, s: number, e: number): number;
/** Java's Long.parseLong; a number when |v| < 2^53, else a bigint. */
export declare function parseLongBytes(buf: Uint8Array, s: number, e: number): number | bigint;
export interface DoubleSpecials {
    nanValue: string;
    positiveInf: string;
    negativeInf: string;
}
/**
 * Java's Double.parseDouble (as Spark's CSV reader uses it): decimal and exponent forms, surrounding whitespace,
 * NaN/Infinity and the nanValue/positiveInf/negativeInf options. Plain decimals with at most 15 significant digits
 * are computed exactly from the bytes (m / 10^k is correctly rounded when m < 2^53 and k <= 22).
 */
export declare function parseDoubleBytes(buf: Uint8Array, s: number, e: number, sp: DoubleSpecials): number;
export declare function parseDoubleText(text: string, sp: DoubleSpecials): number;
/** "true"/"false" in any case (Spark's toBoolean). */
export declare function parseBoolBytes(buf: Uint8Array, s: number, e: number): boolean;
/**
 * A decimal string as the unscaled bigint of decimal(precision, scale), rounding half up as Spark does;
 * null when it does not fit the precision or is not a number.
 */
export declare function parseDecimalText(text: string, precision: number, scale: number): bigint | null;
/**
 * Writes into `out` the positions of every separator and '\n' byte in buf[from, to), in order, and returns how
 * many there are; a newline at position p is written as ~p (negative), so record ends need no second look. Four bytes at a time (SWAR): a byte b of a word equals `sep` exactly when the high bit of
 * ~(((x & 0x7f7f7f7f) + 0x7f7f7f7f) | x | 0x7f7f7f7f) is set for x = word ^ (sep * 0x01010101) — a form with no
 * carries between bytes, so no false matches. Requires `out.length >= to - from`.
 */
export declare function indexStructural(buf: Uint8Array, from: number, to: number, sep: number, out: Int32Array): number;
//# sourceMappingURL=scanner.d.ts.map