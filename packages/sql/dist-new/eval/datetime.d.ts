import { SqlError } from './errors.js';
/**
 * Dates and timestamps as Spark stores them: a date is a day count since 1970-01-01 (proleptic Gregorian
 * calendar), a timestamp microseconds since 1970-01-01T00:00:00Z. Kindling's session time zone is always UTC:
 * wall-clock fields, casts to and from strings and date_format all read timestamps in UTC. Strings may still
 * carry an explicit zone ("Z", "+08:00", "GMT+1", "Europe/Paris") when parsed.
 */
export declare const MICROS_PER_SECOND = 1000000;
export declare const MICROS_PER_DAY = 86400000000;
export declare const MICROS_PER_DAY_N = 86400000000n;
export declare const SESSION_TIME_ZONE = "UTC";
/** Days since the epoch of a proleptic Gregorian date (month 1-12). */
export declare function daysFromCivil(y: number, m: number, d: number): number;
/** Year, month (1-12) and day of a day count, written into `out`. */
export declare function civilFromDays(days: number, out?: Int32Array | number[]): Int32Array | number[];
export declare const isLeapYear: (y: number) => boolean;
export declare const daysInMonth: (y: number, m: number) => number;
/** 1 = Monday … 7 = Sunday (ISO). 1970-01-01 was a Thursday. */
export declare const isoDayOfWeek: (days: number) => number;
export declare function dayOfYear(days: number): number;
/** Splits microseconds into whole days and microseconds of the day (>= 0). */
export declare function splitMicros(us: bigint): {
    days: number;
    micros: number;
};
/** Day count of a timestamp (floor), in the session time zone (UTC). */
export declare function microsToDays(us: bigint): number;
export declare const daysToMicros: (days: number) => bigint;
export declare function pad(n: number, width: number): string;
/** "2020-01-05" (years before 1 as "-0044", beyond 9999 as "+10000" — as Spark prints them). */
export declare function formatDate(days: number): string;
/** "2020-01-01 12:34:56.12": Spark's timestamp text, fraction without trailing zeros. */
export declare function formatTimestamp(us: bigint): string;
/**
 * A zone given in text: fixed offsets ("Z", "+08:00", "-0530", "+5", "UTC", "GMT+1", "UTC-03:30") or a region
 * ("Europe/Paris", via Intl). Returns a function from local wall-clock microseconds to the zone's offset in
 * microseconds, or null when the zone is not known.
 */
export declare function parseZone(text: string): ((localMicros: number) => number) | null;
/** A fixed offset in microseconds: Z, UTC, GMT, UT, +h, +hh, +hh:mm, +hhmm, +hh:mm:ss. */
export declare function parseOffset(z: string): number | null;
/**
 * Spark's string → date: "yyyy", "yyyy-[m]m", "yyyy-[m]m-[d]d", optionally followed by " …" or "T…" (ignored);
 * surrounding whitespace is trimmed. Null when malformed or not a real date.
 */
export declare function stringToDate(s: string): number | null;
/**
 * Spark's string → timestamp: "yyyy[-[m]m[-[d]d]][( |T)[h]h[:[m]m[:[s]s[.fraction]]]][zone]", or a time alone
 * ("12:34:56", "T12:34:56", today's date). The zone may be Z, an offset or a region; without one the session
 * zone (UTC) applies. Fractions beyond microseconds are truncated. Null when malformed.
 */
export declare function stringToTimestamp(s: string, today?: () => number): bigint | null;
export declare function todayDays(): number;
export declare function nowMicros(): bigint;
type Tok = {
    t: 'lit';
    s: string;
} | {
    t: 'f';
    c: string;
    n: number;
} | {
    t: 'opt';
    toks: Tok[];
};
export declare function invalidPattern(pattern: string, detail: string): SqlError;
/** Splits a Spark datetime pattern ("yyyy-MM-dd'T'HH:mm:ss.SSS") into fields and literal text. */
export declare function compilePattern(pattern: string): Tok[];
/** Formats a timestamp (microseconds, UTC) with a Spark datetime pattern, as date_format does. */
export declare function formatWithPattern(us: bigint, toks: Tok[]): string;
/**
 * Parses text with a Spark datetime pattern (case-insensitive, as Spark's formatter). Returns microseconds
 * (UTC) or throws a message naming where parsing stopped ("Text '5/1/2020' could not be parsed at index 0").
 */
export declare function parseWithPattern(text: string, toks: Tok[]): bigint;
export declare class PatternParseError extends Error {
}
export {};
//# sourceMappingURL=datetime.d.ts.map