import {
  ArrayType,
  BinaryType,
  BooleanType,
  ByteType,
  DataType,
  DateType,
  DecimalType,
  DoubleType,
  FloatType,
  IntegerType,
  LongType,
  MapType,
  NullType,
  ShortType,
  StringType,
  StructField,
  StructType,
  TimestampType,
  YEAR_MONTH_FIELDS,
  DAY_TIME_FIELDS,
  YearMonthIntervalType,
  DayTimeIntervalType,
} from './data-types.js';

const ATOMIC: Record<string, DataType> = {
  boolean: BooleanType,
  tinyint: ByteType,
  byte: ByteType,
  smallint: ShortType,
  short: ShortType,
  int: IntegerType,
  integer: IntegerType,
  bigint: LongType,
  long: LongType,
  float: FloatType,
  real: FloatType,
  double: DoubleType,
  string: StringType,
  varchar: StringType,
  binary: BinaryType,
  date: DateType,
  timestamp: TimestampType,
  void: NullType,
  null: NullType,
};

export class TypeParseError extends Error {}

// Types are immutable and plans carry them as strings, so kernels, specs and exact-decimal columns parse the same
// few strings again and again (once per batch, per task): each is parsed once. Bounded, should a program make many.
const parsed = new Map<string, DataType>();
const MAX_PARSED = 4096;

/**
 * Parses Spark's type strings: "int", "bigint", "decimal(10,2)", "array<string>", "map<string,int>",
 * "struct<a:int,b:string>" (case-insensitive, as in cast targets and DDL schemas).
 */
export function parseType(text: string): DataType {
  let t = parsed.get(text);
  if (t === undefined) {
    t = parseTypeText(text);
    if (parsed.size >= MAX_PARSED) parsed.clear();
    parsed.set(text, t);
  }
  return t;
}

function parseTypeText(text: string): DataType {
  let pos = 0;
  const s = text.trim();
  const peek = () => s[pos];
  const skip = () => {
    while (pos < s.length && /\s/.test(s[pos]!)) pos++;
  };
  const word = () => {
    skip();
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(pos));
    if (!m) throw new TypeParseError(`expected a type name at position ${pos} in '${text}'`);
    pos += m[0].length;
    return m[0];
  };
  const expect = (c: string) => {
    skip();
    if (s[pos] !== c) throw new TypeParseError(`expected '${c}' at position ${pos} in '${text}'`);
    pos++;
  };
  const number = () => {
    skip();
    const m = /^\d+/.exec(s.slice(pos));
    if (!m) throw new TypeParseError(`expected a number at position ${pos} in '${text}'`);
    pos += m[0].length;
    return Number(m[0]);
  };
  const type = (): DataType => {
    const name = word().toLowerCase();
    skip();
    if (name === 'decimal' || name === 'dec' || name === 'numeric') {
      if (peek() !== '(') return new DecimalType(10, 0);
      expect('(');
      const p = number();
      skip();
      let sc = 0;
      if (peek() === ',') {
        pos++;
        sc = number();
      }
      expect(')');
      return new DecimalType(p, sc);
    }
    if ((name === 'varchar' || name === 'char') && peek() === '(') {
      expect('(');
      number();
      expect(')');
      return StringType;
    }
    if (name === 'interval') {
      // interval year [to month], interval day [to second], ...
      const from = word().toLowerCase();
      skip();
      let to = from;
      const rest = s.slice(pos);
      const m = /^to\s+([A-Za-z]+)/i.exec(rest);
      if (m) {
        to = m[1]!.toLowerCase();
        pos += m[0].length;
      }
      const ym = YEAR_MONTH_FIELDS as readonly string[];
      const dt = DAY_TIME_FIELDS as readonly string[];
      if (ym.includes(from) && ym.includes(to) && ym.indexOf(from) <= ym.indexOf(to)) return new YearMonthIntervalType(ym.indexOf(from), ym.indexOf(to));
      if (dt.includes(from) && dt.includes(to) && dt.indexOf(from) <= dt.indexOf(to)) return new DayTimeIntervalType(dt.indexOf(from), dt.indexOf(to));
      throw new TypeParseError(`unknown interval type 'interval ${from}${to !== from ? ' to ' + to : ''}' in '${text}'`);
    }
    if (name === 'array') {
      expect('<');
      const el = type();
      expect('>');
      return new ArrayType(el);
    }
    if (name === 'map') {
      expect('<');
      const k = type();
      expect(',');
      const v = type();
      expect('>');
      return new MapType(k, v);
    }
    if (name === 'struct') {
      expect('<');
      const fields: StructField[] = [];
      skip();
      while (peek() !== '>') {
        const fname = word();
        expect(':');
        fields.push(new StructField(fname, type()));
        skip();
        if (peek() === ',') pos++;
        skip();
      }
      expect('>');
      return new StructType(fields);
    }
    const t = ATOMIC[name];
    if (!t) throw new TypeParseError(`unknown type '${name}' in '${text}'`);
    return t;
  };
  const t = type();
  skip();
  if (pos !== s.length) throw new TypeParseError(`unexpected '${s.slice(pos)}' after the type in '${text}'`);
  return t;
}

/** A DDL schema string: "name string, age int". */
export function parseSchema(ddl: string): StructType {
  const fields: StructField[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of ddl + ',') {
    if (ch === '<' || ch === '(') depth++;
    if (ch === '>' || ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      const part = cur.trim();
      cur = '';
      if (!part) continue;
      const m = /^(?:`((?:[^`]|``)+)`|([^\s:`]+))\s*:?\s+(.+?)(\s+NOT\s+NULL)?$/i.exec(part);
      if (!m) throw new TypeParseError(`cannot read '${part}' as 'name type' in schema '${ddl}'`);
      fields.push(new StructField(m[1] !== undefined ? m[1].replace(/``/g, '`') : m[2]!, parseType(m[3]!), !m[4]));
    } else cur += ch;
  }
  return new StructType(fields);
}

/** The DDL form of a schema, readable by parseSchema (names back-quoted, NOT NULL kept). */
export function toDDL(schema: StructType): string {
  return schema.fields
    .map((f) => `\`${f.name.replace(/`/g, '``')}\` ${f.dataType.simpleString()}${f.nullable ? '' : ' NOT NULL'}`)
    .join(', ');
}
