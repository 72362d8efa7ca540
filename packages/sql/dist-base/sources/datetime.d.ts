/**
 * Dates and timestamps in text formats (CSV, JSON): Spark's datetime patterns (a subset of Java's
 * DateTimeFormatter: y M d H h m s S a E X x Z z, 'literals' and [optional] sections) and Spark's lenient default
 * parsers. Dates are days since 1970-01-01; timestamps are microseconds since the epoch. A timestamp without a
 * zone is read in UTC (Kindling's session time zone).
 */
/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). */
export declare function daysFromCivil(y: number, m: number, d: number): number;
export declare function civilFromDays(z: number): [number, number, number];
/**
 * Spark's lenient date parse (used when no dateFormat is given): `yyyy`, `yyyy-[m]m`, `yyyy-[m]m-[d]d`, optionally
 * followed by 'T' or ' ' and anything. Returns days or null.
 */
export declare function parseDateLenient(str: string): number | null;
/**
 * Spark's lenient timestamp parse (used when no timestampFormat is given): a lenient date, then optionally 'T' or
 * ' ' and `[h]h:[m]m[:[s]s[.fraction]]`, then optionally a zone (Z, ±hh:mm, UTC...). Returns micros or null.
 */
export declare function parseTimestampLenient(str: string, defaultOffsetSeconds?: number): number | null;
export interface DateTimeFormat {
    readonly pattern: string;
    /** Days (for a date pattern) or microseconds, or null when the text does not match. */
    parseDate(s: string): number | null;
    parseTimestamp(s: string): number | null;
    formatDate(days: number): string;
    formatTimestamp(micros: number | bigint): string;
}
/** Compiles a Spark datetime pattern ("yyyy-MM-dd", "dd/MM/yyyy HH:mm", "yyyy-MM-dd'T'HH:mm:ss[.SSS][XXX]"). */
export declare function dateTimeFormat(pattern: string): DateTimeFormat;
/** Spark's default write formats. */
export declare const DEFAULT_DATE_FORMAT = "yyyy-MM-dd";
export declare const DEFAULT_TIMESTAMP_WRITE_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";
/**
 * Date and timestamp conversion for a text source: the user's patterns when given, else Spark's lenient parsers.
 * `inferDate`/`inferTimestamp` are strict (used by schema inference).
 */
export declare class DateTimeOptions {
    private readonly dateFmt;
    private readonly tsFmt;
    private readonly strictDate;
    readonly writeDate: DateTimeFormat;
    readonly writeTimestamp: DateTimeFormat;
    constructor(dateFormat: string | undefined, timestampFormat: string | undefined);
    parseDate(s: string): number | null;
    parseTimestamp(s: string): number | null;
    /** Schema inference: a value is a date only when it matches the date format exactly (Spark 4). */
    inferDate(s: string): boolean;
    inferTimestamp(s: string): boolean;
}
//# sourceMappingURL=datetime.d.ts.map