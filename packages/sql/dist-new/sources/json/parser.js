import { ArrayType, BooleanType, DecimalType, DoubleType, LongType, MapType, NullType, StringType, StructField, StructType, } from '../../types/data-types.js';
import { parseDecimalText } from '../csv/scanner.js';
/** A syntax error in JSON text: `pos` is the offset in the text. */
export class JsonSyntaxError extends Error {
    pos;
    constructor(message, pos) {
        super(message);
        this.pos = pos;
    }
}
const LONG_MAX = 9223372036854775807n;
const LONG_MIN = -9223372036854775808n;
/**
 * A JSON reader over a string, in two flavours: `inferValue` returns the Spark type of the next value
 * (JsonInferSchema's rules); `parseValue(type)` converts the next value to a target type in the conventions of
 * columns.ts, recording a type mismatch in `mismatch` (the value becomes null). Keys and syntax follow RFC 8259.
 */
export class JsonReader {
    dt;
    s = '';
    i = 0;
    /** The first type mismatch of the current record ("cannot convert ... to int for field 'a'"), if any. */
    mismatch = null;
    constructor(dt) {
        this.dt = dt;
    }
    reset(s, i = 0) {
        this.s = s;
        this.i = i;
        this.mismatch = null;
    }
    fail(what) {
        const c = this.s[this.i];
        throw new JsonSyntaxError(c === undefined ? `unexpected end of input, expected ${what}` : `unexpected character '${c}' at offset ${this.i}, expected ${what}`, this.i);
    }
    ws() {
        const s = this.s;
        let i = this.i;
        for (;;) {
            const c = s.charCodeAt(i);
            if (c === 32 || c === 10 || c === 13 || c === 9)
                i++;
            else
                break;
        }
        this.i = i;
    }
    /** The next non-space character code, not consumed. */
    peek() {
        this.ws();
        return this.s.charCodeAt(this.i);
    }
    atEnd() {
        this.ws();
        return this.i >= this.s.length;
    }
    expectWord(w) {
        if (!this.s.startsWith(w, this.i))
            this.fail(`'${w}'`);
        this.i += w.length;
    }
    string() {
        const s = this.s;
        let i = this.i + 1; // after the opening quote
        const start = i;
        for (;;) {
            const c = s.charCodeAt(i);
            if (c === 34) {
                this.i = i + 1;
                return s.slice(start, i);
            }
            if (c === 92)
                break; // an escape: take the slow path
            if (c < 32 || Number.isNaN(c)) {
                this.i = i;
                this.fail('a closing quote');
            }
            i++;
        }
        let out = s.slice(start, i);
        for (;;) {
            const c = s.charCodeAt(i);
            if (c === 34) {
                this.i = i + 1;
                return out;
            }
            if (Number.isNaN(c) || c < 32) {
                this.i = i;
                this.fail('a closing quote');
            }
            if (c === 92) {
                const e = s[i + 1];
                i += 2;
                switch (e) {
                    case '"':
                    case '\\':
                    case '/':
                        out += e;
                        break;
                    case 'b':
                        out += '\b';
                        break;
                    case 'f':
                        out += '\f';
                        break;
                    case 'n':
                        out += '\n';
                        break;
                    case 'r':
                        out += '\r';
                        break;
                    case 't':
                        out += '\t';
                        break;
                    case 'u': {
                        const hex = s.slice(i, i + 4);
                        if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
                            this.i = i;
                            this.fail('four hex digits');
                        }
                        out += String.fromCharCode(parseInt(hex, 16));
                        i += 4;
                        break;
                    }
                    default:
                        this.i = i - 1;
                        this.fail('an escape sequence');
                }
            }
            else {
                out += s[i];
                i++;
            }
        }
    }
    /** Scans a number; returns its text and whether it is integral. */
    number() {
        const s = this.s;
        const start = this.i;
        let i = start;
        if (s.charCodeAt(i) === 45)
            i++;
        const d0 = i;
        while (s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57)
            i++;
        if (i === d0) {
            this.i = i;
            this.fail('a digit');
        }
        let integral = true;
        if (s.charCodeAt(i) === 46) {
            integral = false;
            i++;
            const f0 = i;
            while (s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57)
                i++;
            if (i === f0) {
                this.i = i;
                this.fail('a digit');
            }
        }
        const e = s.charCodeAt(i);
        if (e === 101 || e === 69) {
            integral = false;
            i++;
            if (s.charCodeAt(i) === 43 || s.charCodeAt(i) === 45)
                i++;
            const x0 = i;
            while (s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57)
                i++;
            if (i === x0) {
                this.i = i;
                this.fail('a digit');
            }
        }
        this.i = i;
        return [s.slice(start, i), integral];
    }
    /** Skips one value (checking its syntax); returns its source text's start. */
    skip() {
        this.ws();
        const start = this.i;
        const c = this.s.charCodeAt(this.i);
        if (c === 123) {
            this.i++;
            if (this.peek() === 125) {
                this.i++;
                return start;
            }
            for (;;) {
                if (this.peek() !== 34)
                    this.fail('a field name');
                this.string();
                if (this.peek() !== 58)
                    this.fail("':'");
                this.i++;
                this.skip();
                const d = this.peek();
                this.i++;
                if (d === 125)
                    return start;
                if (d !== 44) {
                    this.i--;
                    this.fail("',' or '}'");
                }
            }
        }
        if (c === 91) {
            this.i++;
            if (this.peek() === 93) {
                this.i++;
                return start;
            }
            for (;;) {
                this.skip();
                const d = this.peek();
                this.i++;
                if (d === 93)
                    return start;
                if (d !== 44) {
                    this.i--;
                    this.fail("',' or ']'");
                }
            }
        }
        if (c === 34)
            this.string();
        else if (c === 116)
            this.expectWord('true');
        else if (c === 102)
            this.expectWord('false');
        else if (c === 110)
            this.expectWord('null');
        else if (c === 45 || (c >= 48 && c <= 57))
            this.number();
        else if (c === 78)
            this.expectWord('NaN');
        else if (c === 73)
            this.expectWord('Infinity');
        else
            this.fail('a value');
        return start;
    }
    // -------------------------------------------------------------------------------------------------------------
    // Inference: types merge into a mutable accumulator, so a record of an already-seen shape allocates nothing.
    /** Infers the next value's type and merges it into `acc` (returns the merged accumulator). */
    inferInto(acc) {
        const c = this.peek();
        switch (c) {
            case 123: {
                this.i++;
                let a = acc;
                if (!a || a.k !== A_STRUCT) {
                    if (a && a.k !== A_NULL)
                        return this.conflict(a);
                    a = { k: A_STRUCT, p: 0, s: 0, fields: new Map(), elem: null };
                }
                if (this.peek() === 125) {
                    this.i++;
                    return a;
                }
                for (;;) {
                    if (this.peek() !== 34)
                        this.fail('a field name');
                    const key = this.string();
                    if (this.peek() !== 58)
                        this.fail("':'");
                    this.i++;
                    const fields = a.fields;
                    fields.set(key, this.inferInto(fields.get(key) ?? null));
                    const d = this.peek();
                    this.i++;
                    if (d === 125)
                        return a;
                    if (d !== 44) {
                        this.i--;
                        this.fail("',' or '}'");
                    }
                }
            }
            case 91: {
                this.i++;
                let a = acc;
                if (!a || a.k !== A_ARRAY) {
                    if (a && a.k !== A_NULL)
                        return this.conflict(a);
                    a = { k: A_ARRAY, p: 0, s: 0, fields: null, elem: null };
                }
                if (this.peek() === 93) {
                    this.i++;
                    return a;
                }
                for (;;) {
                    a.elem = this.inferInto(a.elem);
                    const d = this.peek();
                    this.i++;
                    if (d === 93)
                        return a;
                    if (d !== 44) {
                        this.i--;
                        this.fail("',' or ']'");
                    }
                }
            }
            case 34:
                this.string();
                return mergeAtom(acc, A_STRING, 0, 0);
            case 116:
                this.expectWord('true');
                return mergeAtom(acc, A_BOOL, 0, 0);
            case 102:
                this.expectWord('false');
                return mergeAtom(acc, A_BOOL, 0, 0);
            case 110:
                this.expectWord('null');
                return acc ?? { k: A_NULL, p: 0, s: 0, fields: null, elem: null };
            case 78:
                this.expectWord('NaN');
                return mergeAtom(acc, A_DOUBLE, 0, 0);
            case 73:
                this.expectWord('Infinity');
                return mergeAtom(acc, A_DOUBLE, 0, 0);
            default: {
                if (c === 45 && this.s.startsWith('-Infinity', this.i)) {
                    this.i += 9;
                    return mergeAtom(acc, A_DOUBLE, 0, 0);
                }
                const start = this.i;
                const integral = this.scanNumber();
                if (!integral)
                    return mergeAtom(acc, A_DOUBLE, 0, 0);
                let d0 = start;
                if (this.s.charCodeAt(d0) === 45)
                    d0++;
                while (d0 < this.i - 1 && this.s.charCodeAt(d0) === 48)
                    d0++;
                const nd = this.i - d0;
                if (nd <= 18)
                    return mergeAtom(acc, A_LONG, 0, 0);
                const b = BigInt(this.s.slice(start, this.i));
                if (b <= LONG_MAX && b >= LONG_MIN)
                    return mergeAtom(acc, A_LONG, 0, 0);
                return nd <= 38 ? mergeAtom(acc, A_DECIMAL, nd, 0) : mergeAtom(acc, A_DOUBLE, 0, 0);
            }
        }
    }
    /** A struct or array met a different type: skip the value; the result is string. */
    conflict(a) {
        this.skip();
        void a;
        return { k: A_STRING, p: 0, s: 0, fields: null, elem: null };
    }
    /** Scans a number without building its text; true when integral. */
    scanNumber() {
        const s = this.s;
        let i = this.i;
        if (s.charCodeAt(i) === 45)
            i++;
        const d0 = i;
        while (s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57)
            i++;
        if (i === d0) {
            this.i = i;
            this.fail('a digit');
        }
        let integral = true;
        if (s.charCodeAt(i) === 46) {
            integral = false;
            i++;
            const f0 = i;
            while (s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57)
                i++;
            if (i === f0) {
                this.i = i;
                this.fail('a digit');
            }
        }
        const e = s.charCodeAt(i);
        if (e === 101 || e === 69) {
            integral = false;
            i++;
            if (s.charCodeAt(i) === 43 || s.charCodeAt(i) === 45)
                i++;
            const x0 = i;
            while (s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57)
                i++;
            if (i === x0) {
                this.i = i;
                this.fail('a digit');
            }
        }
        this.i = i;
        return integral;
    }
    /** The Spark type of the next value (used by tests and one-off callers). */
    inferValue() {
        return accType(this.inferInto(null));
    }
    // -------------------------------------------------------------------------------------------------------------
    // Typed parsing
    mismatchOf(t, field, start) {
        if (this.mismatch === null) {
            const text = this.s.slice(start, Math.min(this.i, start + 40));
            this.mismatch = `cannot convert ${text} to ${t.simpleString()} for field '${field}'`;
        }
        return null;
    }
    parseValue(t, field) {
        const c = this.peek();
        if (c === 110) {
            this.expectWord('null');
            return null;
        }
        const start = this.i;
        if (t instanceof StructType) {
            if (c !== 123) {
                this.skip();
                return this.mismatchOf(t, field, start);
            }
            return this.parseObject(t);
        }
        if (t instanceof ArrayType) {
            if (c !== 91) {
                this.skip();
                return this.mismatchOf(t, field, start);
            }
            this.i++;
            const out = [];
            if (this.peek() === 93) {
                this.i++;
                return out;
            }
            for (;;) {
                out.push(this.parseValue(t.elementType, field));
                const d = this.peek();
                this.i++;
                if (d === 93)
                    return out;
                if (d !== 44) {
                    this.i--;
                    this.fail("',' or ']'");
                }
            }
        }
        if (t instanceof MapType) {
            if (c !== 123) {
                this.skip();
                return this.mismatchOf(t, field, start);
            }
            this.i++;
            const out = [];
            if (this.peek() === 125) {
                this.i++;
                return out;
            }
            for (;;) {
                if (this.peek() !== 34)
                    this.fail('a field name');
                const k = this.string();
                if (this.peek() !== 58)
                    this.fail("':'");
                this.i++;
                out.push([k, this.parseValue(t.valueType, field)]);
                const d = this.peek();
                this.i++;
                if (d === 125)
                    return out;
                if (d !== 44) {
                    this.i--;
                    this.fail("',' or '}'");
                }
            }
        }
        if (t instanceof DecimalType) {
            let text;
            if (c === 34)
                text = this.string();
            else if (c === 45 || (c >= 48 && c <= 57))
                text = this.number()[0];
            else {
                this.skip();
                return this.mismatchOf(t, field, start);
            }
            return parseDecimalText(text, t.precision, t.scale) ?? this.mismatchOf(t, field, start);
        }
        switch (t.typeName) {
            case 'string':
                if (c === 34)
                    return this.string();
                this.skip();
                return this.s.slice(start, this.i);
            case 'boolean':
                if (c === 116) {
                    this.expectWord('true');
                    return true;
                }
                if (c === 102) {
                    this.expectWord('false');
                    return false;
                }
                break;
            case 'tinyint':
            case 'smallint':
            case 'int':
            case 'bigint': {
                if (c !== 45 && !(c >= 48 && c <= 57))
                    break;
                const [text, integral] = this.number();
                if (!integral)
                    return this.mismatchOf(t, field, start);
                const lim = t.typeName === 'bigint' ? 0 : t.typeName === 'int' ? 2147483648 : t.typeName === 'smallint' ? 32768 : 128;
                if (lim) {
                    const v = Number(text);
                    return v >= -lim && v < lim ? v : this.mismatchOf(t, field, start);
                }
                if (text.length <= 16)
                    return Number(text);
                const b = BigInt(text);
                if (b > LONG_MAX || b < LONG_MIN)
                    return this.mismatchOf(t, field, start);
                return Number.isSafeInteger(Number(b)) ? Number(b) : b;
            }
            case 'double':
            case 'float': {
                let v;
                if (c === 45 || (c >= 48 && c <= 57)) {
                    if (this.s.startsWith('-Infinity', this.i)) {
                        this.i += 9;
                        v = -Infinity;
                    }
                    else
                        v = Number(this.number()[0]);
                }
                else if (c === 78 || c === 73) {
                    v = this.s.startsWith('NaN', this.i) ? NaN : Infinity;
                    this.expectWord(Number.isNaN(v) ? 'NaN' : 'Infinity');
                }
                else if (c === 34) {
                    const s = this.string();
                    if (s === 'NaN')
                        v = NaN;
                    else if (s === 'Infinity' || s === '+Infinity' || s === 'Inf' || s === '+Inf')
                        v = Infinity;
                    else if (s === '-Infinity' || s === '-Inf')
                        v = -Infinity;
                    else
                        return this.mismatchOf(t, field, start);
                }
                else
                    break;
                return t.typeName === 'float' ? Math.fround(v) : v;
            }
            case 'date':
            case 'timestamp': {
                if (c === 34) {
                    const s = this.string();
                    const v = t.typeName === 'date' ? this.dt.parseDate(s) : this.dt.parseTimestamp(s);
                    return v ?? this.mismatchOf(t, field, start);
                }
                if (t.typeName === 'timestamp' && (c === 45 || (c >= 48 && c <= 57))) {
                    // Spark reads a number as seconds since the epoch.
                    return Math.round(Number(this.number()[0]) * 1e6);
                }
                break;
            }
            case 'binary':
                if (c === 34)
                    return Buffer.from(this.string(), 'base64');
                break;
            case 'void':
                this.skip();
                return null;
        }
        this.skip();
        return this.mismatchOf(t, field, start);
    }
    /** An object as an array of its fields' values, in the struct's field order. */
    parseObject(t, index) {
        const fields = t.fields;
        const out = new Array(fields.length).fill(null);
        const idx = index ?? new Map(fields.map((f, i) => [f.name, i]));
        this.i++; // '{'
        if (this.peek() === 125) {
            this.i++;
            return out;
        }
        for (;;) {
            if (this.peek() !== 34)
                this.fail('a field name');
            const k = this.string();
            if (this.peek() !== 58)
                this.fail("':'");
            this.i++;
            const j = idx.get(k);
            if (j === undefined)
                this.skip();
            else
                out[j] = this.parseValue(fields[j].dataType, k);
            const d = this.peek();
            this.i++;
            if (d === 125)
                return out;
            if (d !== 44) {
                this.i--;
                this.fail("',' or '}'");
            }
        }
    }
}
// Inference accumulator kinds.
export const A_NULL = 0;
const A_LONG = 1;
const A_DECIMAL = 2;
const A_DOUBLE = 3;
const A_BOOL = 4;
const A_STRING = 5;
const A_STRUCT = 6;
const A_ARRAY = 7;
/** Merges an atomic type into an accumulator (JsonInferSchema.compatibleType for atoms). */
function mergeAtom(acc, k, p, s) {
    if (!acc || acc.k === A_NULL)
        return { k, p, s, fields: null, elem: null };
    const a = acc.k;
    if (a === k) {
        if (k === A_DECIMAL) {
            const scale = Math.max(acc.s, s);
            const range = Math.max(acc.p - acc.s, p - s);
            if (range + scale > 38)
                acc.k = A_DOUBLE;
            else {
                acc.p = range + scale;
                acc.s = scale;
            }
        }
        return acc;
    }
    const numeric = (x) => x === A_LONG || x === A_DECIMAL || x === A_DOUBLE;
    if (numeric(a) && numeric(k)) {
        if (a === A_DOUBLE || k === A_DOUBLE)
            acc.k = A_DOUBLE;
        else {
            // long + decimal: the decimal widened to hold a long (decimal(20,0))
            const [dp, ds] = a === A_DECIMAL ? [acc.p, acc.s] : [p, s];
            const scale = ds;
            const range = Math.max(dp - ds, 20);
            if (range + scale > 38)
                acc.k = A_DOUBLE;
            else {
                acc.k = A_DECIMAL;
                acc.p = range + scale;
                acc.s = scale;
            }
        }
        return acc;
    }
    return { k: A_STRING, p: 0, s: 0, fields: null, elem: null };
}
/** Merges two accumulators (records' root structs). */
export function mergeAcc(a, b) {
    if (!a)
        return b;
    if (!b)
        return a;
    if (a.k === A_NULL)
        return b;
    if (b.k === A_NULL)
        return a;
    if (a.k === A_STRUCT && b.k === A_STRUCT) {
        for (const [k, v] of b.fields)
            a.fields.set(k, mergeAcc(a.fields.get(k) ?? null, v));
        return a;
    }
    if (a.k === A_ARRAY && b.k === A_ARRAY) {
        a.elem = mergeAcc(a.elem, b.elem);
        return a;
    }
    if (a.k >= A_STRUCT || b.k >= A_STRUCT)
        return { k: A_STRING, p: 0, s: 0, fields: null, elem: null };
    return mergeAtom(a, b.k, b.p, b.s);
}
export function isStructAcc(a) {
    return a !== null && a.k === A_STRUCT;
}
export function isArrayOfStructAcc(a) {
    return a !== null && a.k === A_ARRAY && a.elem !== null && a.elem.k === A_STRUCT;
}
/** The Spark type of an accumulator (struct fields sorted by name; null stays NullType until canonicalize). */
export function accType(a) {
    if (!a)
        return NullType;
    switch (a.k) {
        case A_LONG:
            return LongType;
        case A_DECIMAL:
            return new DecimalType(a.p, a.s);
        case A_DOUBLE:
            return DoubleType;
        case A_BOOL:
            return BooleanType;
        case A_STRING:
            return StringType;
        case A_STRUCT:
            return new StructType([...a.fields].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)).map(([n, t]) => new StructField(n, accType(t), true)));
        case A_ARRAY:
            return new ArrayType(accType(a.elem), true);
        default:
            return NullType;
    }
}
/** Spark's JsonInferSchema.compatibleType. */
export function mergeTypes(a, b) {
    if (a.equals(b))
        return a;
    if (a === NullType)
        return b;
    if (b === NullType)
        return a;
    const num = (t) => t === LongType || t === DoubleType || t instanceof DecimalType;
    if (num(a) && num(b)) {
        if (a === DoubleType || b === DoubleType)
            return DoubleType;
        const da = a instanceof DecimalType ? a : new DecimalType(20, 0);
        const db = b instanceof DecimalType ? b : new DecimalType(20, 0);
        const scale = Math.max(da.scale, db.scale);
        const range = Math.max(da.precision - da.scale, db.precision - db.scale);
        return range + scale > 38 ? DoubleType : new DecimalType(range + scale, scale);
    }
    if (a instanceof StructType && b instanceof StructType) {
        const m = new Map();
        for (const f of a.fields)
            m.set(f.name, f.dataType);
        for (const f of b.fields)
            m.set(f.name, m.has(f.name) ? mergeTypes(m.get(f.name), f.dataType) : f.dataType);
        return new StructType([...m].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)).map(([n, t]) => new StructField(n, t, true)));
    }
    if (a instanceof ArrayType && b instanceof ArrayType) {
        return new ArrayType(mergeTypes(a.elementType, b.elementType), a.containsNull || b.containsNull);
    }
    return StringType;
}
/** Spark's canonicalizeType: null → string, empty structs dropped (undefined). */
export function canonicalize(t) {
    if (t === NullType)
        return StringType;
    if (t instanceof ArrayType) {
        const el = canonicalize(t.elementType);
        return el ? new ArrayType(el, t.containsNull) : undefined;
    }
    if (t instanceof StructType) {
        const fields = t.fields.flatMap((f) => {
            const c = canonicalize(f.dataType);
            return c ? [new StructField(f.name, c, f.nullable)] : [];
        });
        return fields.length ? new StructType(fields) : undefined;
    }
    return t;
}
//# sourceMappingURL=parser.js.map