import type { FieldSchema, FieldType, MessageSchema, PrimitiveType } from './message-schema';
import { inRange, isFlexible } from './message-schema';

/**
 * Writes the JavaScript source of one message's reader and writer at one version: straight-line
 * code with every field name spelled out, which codec.ts turns into functions once.
 *
 * Why source rather than closures: a closure-per-field codec reads and writes every field of every
 * message through the same few lines (`result[field.name] = field.read(reader)`), so V8 sees
 * hundreds of object shapes at one property access and falls back to its slowest lookup; the
 * broker paid about a microsecond per Produce request for that alone (docs/performance.md). Here
 * each message and version gets its own functions and object literals, so each access sees one
 * shape. This is how protobufjs and avsc compile their schemas.
 *
 * Only names from the generated schema tables (identifiers Kafka's message definitions define) and
 * numbers reach the source: nothing a client sends does.
 *
 * The source returns `{ read(r), write(w, v) }` over a Reader and a Writer, and uses one name from
 * outside: `h`, the helpers in codec.ts.
 */
export function codecSource(schema: MessageSchema, version: number): string {
  const out = new SourceOut(`${schema.name}_v${version}`);
  const flexible = isFlexible(schema, version);
  const read = structReader(out, schema.fields, version, flexible, '');
  const write = structWriter(out, schema.fields, version, flexible, '');
  out.lines.push(`return { read: ${read}, write: ${write} };`);
  return out.lines.join('\n');
}

/** The generated functions so far, with names that say which message, version and field they serve. */
class SourceOut {
  readonly lines: string[] = [];
  private count = 0;

  constructor(private readonly prefix: string) {}

  /** Adds `function NAME(params) { body }` and returns NAME. */
  fn(role: string, path: string, params: string, body: string[]): string {
    const where = path.replace(/\[\]/g, '_item').replace(/\./g, '_') || 'body';
    const name = `${role}_${this.prefix}_${where}_${this.count++}`.replace(/[^A-Za-z0-9_]/g, '_');
    this.lines.push(`function ${name}(${params}) {`, ...body.map((line) => `  ${line}`), '}');
    return name;
  }
}

interface FieldPlan {
  field: FieldSchema;
  key: string;
  /** Present at this version, read and written in order. */
  plain: boolean;
  /** In the tagged section at this version (KIP-482). */
  tagged: boolean;
  nullable: boolean;
  flexible: boolean;
}

function plan(fields: readonly FieldSchema[], version: number, flexible: boolean): FieldPlan[] {
  return fields.map((field) => {
    const present = inRange(field.versions, version);
    const tagged = present && flexible && field.tag !== undefined && inRange(field.taggedVersions, version);
    return {
      field,
      key: JSON.stringify(field.name),
      plain: present && !tagged,
      tagged,
      nullable: inRange(field.nullableVersions, version),
      flexible: flexible && !field.neverFlexible,
    };
  });
}

/**
 * One object literal per struct, fields in the order the closure codec used: those on the wire,
 * then those this version lacks (their defaults), then tagged ones (defaults, replaced by what the
 * tagged section holds).
 */
function structReader(out: SourceOut, fields: readonly FieldSchema[], version: number, flexible: boolean, path: string): string {
  const fieldPlans = plan(fields, version, flexible);
  const plain = fieldPlans.filter((p) => p.plain);
  const absent = fieldPlans.filter((p) => !p.plain && !p.tagged);
  const tagged = fieldPlans.filter((p) => p.tagged).sort((a, b) => a.field.tag! - b.field.tag!);
  const properties = [
    ...plain.map((p) => `${p.key}: ${readExpression(out, p.field.type, version, p.flexible, p.nullable, fieldPath(path, p.field.name), 'r')},`),
    ...[...absent, ...tagged].map((p) => `${p.key}: ${defaultExpression(out, p.field, version)},`),
  ];
  const body = ['const o = {', ...properties.map((line) => `  ${line}`), '};'];
  if (flexible && tagged.length === 0) body.push('r.taggedFields();');
  if (tagged.length > 0) {
    body.push('r.taggedFields((tag, t) => {', '  switch (tag) {');
    for (const p of tagged) {
      const value = readExpression(out, p.field.type, version, p.flexible, p.nullable, fieldPath(path, p.field.name), 't');
      body.push(`    case ${p.field.tag}: o[${p.key}] = ${value}; return true;`);
    }
    body.push('    default: return false;', '  }', '});');
  }
  body.push('return o;');
  return out.fn('read', path, 'r', body);
}

function readExpression(out: SourceOut, type: FieldType, version: number, flexible: boolean, nullable: boolean, path: string, reader: string): string {
  switch (type.kind) {
    case 'array': {
      const item = readExpression(out, type.items, version, flexible, false, `${path}[]`, 'r');
      const onNull = nullable ? 'return null;' : `throw new h.ProtocolError(${JSON.stringify(`null array '${lastName(path)}' is not allowed in version ${version}`)});`;
      const name = out.fn('read', path, 'r', [
        `const length = r.${flexible ? 'compactArrayLength' : 'arrayLength'}();`,
        `if (length === -1) ${onNull}`,
        'const items = new Array(length);',
        `for (let i = 0; i < length; i++) items[i] = ${item};`,
        'return items;',
      ]);
      return `${name}(${reader})`;
    }
    case 'struct': {
      const name = structReader(out, type.fields, version, flexible, path);
      return nullable ? `(${reader}.int8() < 0 ? null : ${name}(${reader}))` : `${name}(${reader})`;
    }
    default:
      // A non-nullable string or bytes reader refuses null itself.
      return `${reader}.${primitiveMethod(type.kind, flexible, nullable).name}()`;
  }
}

/**
 * Writes fields in order; one left out (undefined) takes its default, so callers pass only what
 * they mean. Tagged fields go out only when they differ from their default, in tag order.
 */
function structWriter(out: SourceOut, fields: readonly FieldSchema[], version: number, flexible: boolean, path: string): string {
  const fieldPlans = plan(fields, version, flexible);
  const body = ['const s = v ?? h.NO_FIELDS;', 'let x;'];
  for (const p of fieldPlans.filter((p) => p.plain)) {
    body.push(`x = s[${p.key}];`, `if (x === undefined) x = ${defaultExpression(out, p.field, version)};`);
    body.push(...writeStatements(out, p.field.type, version, p.flexible, p.nullable, fieldPath(path, p.field.name), 'w', 'x'));
  }
  const tagged = fieldPlans.filter((p) => p.tagged).sort((a, b) => a.field.tag! - b.field.tag!);
  if (flexible) {
    body.push('let tagCount = 0;');
    tagged.forEach((p, i) => {
      body.push(`const t${i} = s[${p.key}];`, `const has${i} = t${i} !== undefined && !(${isDefaultCheck(out, p.field, version, `t${i}`)});`, `if (has${i}) tagCount++;`);
    });
    body.push('w.uvarint(tagCount);');
    tagged.forEach((p, i) => {
      const inner = writeStatements(out, p.field.type, version, p.flexible, p.nullable, fieldPath(path, p.field.name), 'tw', `t${i}`);
      body.push(`if (has${i}) {`, '  const tw = new h.Writer(64);', ...inner.map((line) => `  ${line}`), `  w.uvarint(${p.field.tag}).uvarint(tw.length);`, '  for (const chunk of tw.toChunks()) w.raw(chunk);', '}');
    });
  }
  return out.fn('write', path, 'w, v', body);
}

function writeStatements(out: SourceOut, type: FieldType, version: number, flexible: boolean, nullable: boolean, path: string, writer: string, value: string): string[] {
  const refuseNull = (variable: string) => `if (${variable} === null) h.notNullable(${JSON.stringify(lastName(path))}, ${version});`;
  switch (type.kind) {
    case 'array': {
      const lengthMethod = flexible ? 'compactArrayLength' : 'arrayLength';
      const onNull = nullable ? `if (x === null) { w.${lengthMethod}(null); return; }` : refuseNull('x');
      const item = writeStatements(out, type.items, version, flexible, false, `${path}[]`, 'w', 'item');
      const name = out.fn('write', path, 'w, x', [
        onNull,
        `w.${lengthMethod}(x.length);`,
        'for (const item of x) {',
        ...item.map((line) => `  ${line}`),
        '}',
      ]);
      return [`${name}(${writer}, ${value});`];
    }
    case 'struct': {
      const name = structWriter(out, type.fields, version, flexible, path);
      if (!nullable) return [`${name}(${writer}, ${value});`];
      return [`if (${value} === null) ${writer}.int8(-1);`, `else { ${writer}.int8(1); ${name}(${writer}, ${value}); }`];
    }
    default: {
      // The Writer's non-nullable string and bytes methods would write null as -1, so refuse it here.
      const { name, refusesNull } = primitiveMethod(type.kind, flexible, nullable);
      return [...(refusesNull ? [refuseNull(value)] : []), `${writer}.${name}(${value});`];
    }
  }
}

/**
 * The Reader and Writer method (they share names) for a field that is neither array nor struct:
 * `int32`, `nullableString`, `compactNullableBytes`. Records are always nullable on the wire; strings
 * and bytes only where the schema says so, and those that are not must refuse null.
 */
function primitiveMethod(kind: PrimitiveType, flexible: boolean, nullable: boolean): { name: string; refusesNull: boolean } {
  if (kind !== 'string' && kind !== 'bytes' && kind !== 'records') return { name: kind, refusesNull: false };
  const orNull = nullable || kind === 'records';
  const base = kind === 'string' ? 'String' : 'Bytes';
  const name = `${flexible ? 'compact' : ''}${orNull ? 'Nullable' : ''}${base}`;
  return { name: name.charAt(0).toLowerCase() + name.slice(1), refusesNull: !orNull };
}

/** The value a field takes when a version lacks it or a caller leaves it out: a fresh one each time. */
function defaultExpression(out: SourceOut, field: FieldSchema, version: number): string {
  if (field.default !== undefined) return JSON.stringify(field.default);
  return typeDefault(out, field.type, version, field.name);
}

/**
 * An expression that is true when `value` holds the field's default, which a tagged field leaves out
 * of the tagged section (KIP-482). Empty bytes and arrays count, whichever object holds them; a
 * struct never does.
 */
function isDefaultCheck(out: SourceOut, field: FieldSchema, version: number, value: string): string {
  if (field.default !== undefined) return `${value} === ${JSON.stringify(field.default)}`;
  switch (field.type.kind) {
    case 'bytes':
    case 'array':
      return `${value}.length === 0`;
    case 'struct':
      return 'false';
    default:
      return `${value} === ${typeDefault(out, field.type, version, field.name)}`;
  }
}

function typeDefault(out: SourceOut, type: FieldType, version: number, path: string): string {
  switch (type.kind) {
    case 'int8':
    case 'int16':
    case 'uint16':
    case 'int32':
    case 'int64':
    case 'float64':
      return '0';
    case 'bool':
      return 'false';
    case 'string':
      return '""';
    case 'uuid':
      return 'h.ZERO_UUID';
    case 'bytes':
      return 'h.EMPTY_BYTES';
    case 'records':
      return 'null';
    case 'array':
      return '[]';
    case 'struct': {
      const properties = type.fields.map((f) => `  ${JSON.stringify(f.name)}: ${defaultExpression(out, f, version)},`);
      return `${out.fn('default', path, '', ['return {', ...properties, '};'])}()`;
    }
  }
}

/** Where a field sits, for generated names and errors: `topics[].name`. */
function fieldPath(path: string, name: string): string {
  return path ? `${path}.${name}` : name;
}

/** `topics[].name` → `name`: errors name the field as the schema does. */
function lastName(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}
