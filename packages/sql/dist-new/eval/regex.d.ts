/** Translates a Java regex to the source and flags of an equivalent JavaScript RegExp; throws on unsupported syntax. */
export declare function translateJavaRegex(pattern: string): {
    source: string;
    flags: string;
};
/** A compiled Java-style regex (cached); invalid patterns raise INVALID_PARAMETER_VALUE.PATTERN naming `fn`. */
export declare function javaRegex(pattern: string, fn: string, global?: boolean): RegExp;
export type Matcher = (s: string) => boolean;
/**
 * SQL LIKE: `_` one character, `%` any run, the escape character (default backslash) makes the next `_`, `%` or
 * itself literal; anything else after it is an error, as in Spark. Case-sensitive; `_` and `%` cross newlines.
 */
export declare function likeMatcher(pattern: string, escape?: string, caseInsensitive?: boolean): Matcher;
export type Replacer = (match: string, groups: (string | undefined)[], named: Record<string, string | undefined> | undefined) => string;
/**
 * A java.util.regex replacement string as a function: `$n` (longest group number that exists), `${name}`,
 * and backslash escapes (`\$` is a dollar). Throws on a dangling `$` or `\`, as Java does.
 */
export declare function javaReplacement(rep: string, groupCount: number): Replacer;
/** Number of capturing groups of a compiled RegExp. */
export declare function groupCount(re: RegExp): number;
/**
 * Java's Pattern.split with Spark's limit rule (limit <= 0: no limit, trailing empty strings kept): a zero-width
 * match at the start never yields a leading empty string.
 */
export declare function javaSplit(s: string, re: RegExp, limit: number): string[];
//# sourceMappingURL=regex.d.ts.map