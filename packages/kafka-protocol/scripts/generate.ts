/**
 * Generates src/generated/ from Apache Kafka's message definitions (Apache-2.0).
 *
 *   pnpm generate                       # reads ../shared/kafka-protocol beside the checkout
 *   tsx scripts/generate.ts <kafka-protocol dir>
 *
 * For each message it writes TypeScript interfaces (the decoded shape) and a declarative
 * MessageSchema table that src/schema/codec.ts interprets. The output is committed, so nothing that
 * installs, runs or tests Lanes needs the JSON files.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The APIs the embedded broker implements (docs/broker.md lists the versions it advertises). */
const API_NAMES = [
  'Produce', 'Fetch', 'ListOffsets', 'Metadata', 'OffsetCommit', 'OffsetFetch', 'FindCoordinator',
  'JoinGroup', 'Heartbeat', 'LeaveGroup', 'SyncGroup', 'DescribeGroups', 'ListGroups', 'ApiVersions',
  'CreateTopics', 'DeleteTopics', 'InitProducerId', 'DescribeConfigs', 'CreatePartitions', 'DeleteGroups',
];
const OTHER_MESSAGES = ['RequestHeader', 'ResponseHeader', 'ConsumerProtocolSubscription', 'ConsumerProtocolAssignment'];

interface JsonField {
  name: string;
  type: string;
  versions: string;
  nullableVersions?: string;
  taggedVersions?: string;
  tag?: number;
  default?: string | number | boolean;
  flexibleVersions?: string;
  about?: string;
  fields?: JsonField[];
}

interface JsonMessage {
  apiKey?: number;
  type: string;
  name: string;
  validVersions: string;
  flexibleVersions: string;
  fields: JsonField[];
  commonStructs?: { name: string; versions: string; fields: JsonField[] }[];
}

const MAX_VERSION = 0x7fff;
const PRIMITIVES = new Set(['int8', 'int16', 'uint16', 'int32', 'int64', 'float64', 'bool', 'string', 'bytes', 'records', 'uuid']);

function parseRange(text: string | undefined): [number, number] | null {
  if (text === undefined || text === 'none') return null;
  if (text.endsWith('+')) return [Number(text.slice(0, -1)), MAX_VERSION];
  const [from, to] = text.split('-');
  return [Number(from), Number(to ?? from)];
}

function camel(name: string): string {
  return name[0]!.toLowerCase() + name.slice(1);
}

function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

function readMessage(dir: string, name: string): JsonMessage {
  const text = readFileSync(join(dir, 'message', `${name}.json`), 'utf8');
  // The files carry // licence comments, which JSON does not allow.
  const json = text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
  return JSON.parse(json) as JsonMessage;
}

function rangeLiteral(range: [number, number] | null): string {
  if (!range) return 'null';
  return `[${range[0]}, ${range[1] === MAX_VERSION ? 'MAX_VERSION' : range[1]}]`;
}

function defaultLiteral(field: JsonField, baseType: string): string | undefined {
  if (field.default === undefined) return undefined;
  const raw = String(field.default);
  if (raw === 'null') return 'null';
  if (baseType === 'bool') return raw === 'true' ? 'true' : 'false';
  if (baseType === 'string') return JSON.stringify(raw);
  if (['int8', 'int16', 'uint16', 'int32', 'int64', 'float64'].includes(baseType)) return String(Number(raw));
  throw new Error(`unexpected default ${raw} for ${field.name} of type ${baseType}`);
}

class MessageWriter {
  private readonly structs = new Map<string, string>();
  private readonly common: Map<string, JsonField[]>;

  constructor(private readonly message: JsonMessage) {
    this.common = new Map((message.commonStructs ?? []).map((s) => [s.name, s.fields]));
  }

  /** TypeScript type of a field, registering nested struct interfaces on the way. */
  private tsType(type: string, fields: JsonField[] | undefined): string {
    if (type.startsWith('[]')) return `${this.tsType(type.slice(2), fields)}[]`;
    switch (type) {
      case 'int8': case 'int16': case 'uint16': case 'int32': case 'int64': case 'float64':
        return 'number';
      case 'bool':
        return 'boolean';
      case 'string': case 'uuid':
        return 'string';
      case 'bytes':
        return 'Buffer';
      case 'records':
        return 'Buffer | null';
    }
    const structFields = fields ?? this.common.get(type);
    if (!structFields) throw new Error(`${this.message.name}: unknown type ${type}`);
    this.registerStruct(type, structFields);
    return `${this.message.name}.${type}`;
  }

  private registerStruct(name: string, fields: JsonField[]): void {
    const body = this.interfaceBody(fields, '    ');
    const existing = this.structs.get(name);
    if (existing !== undefined && existing !== body) throw new Error(`${this.message.name}: two different structs named ${name}`);
    this.structs.set(name, body);
  }

  interfaceBody(fields: JsonField[], indent: string): string {
    return fields
      .map((field) => {
        const nullable = field.nullableVersions !== undefined && field.type !== 'records' ? ' | null' : '';
        const type = this.tsType(field.type, field.fields);
        const wrapped = nullable && type.endsWith('[]') ? `(${type})` : type;
        const about = field.about ? `${indent}/** ${field.about.replace(/\*\//g, '* /')} (versions ${field.versions}) */\n` : '';
        return `${about}${indent}${camel(field.name)}: ${wrapped}${nullable};`;
      })
      .join('\n');
  }

  schemaType(type: string, fields: JsonField[] | undefined, indent: string): string {
    if (type.startsWith('[]')) return `{ kind: 'array', items: ${this.schemaType(type.slice(2), fields, indent)} }`;
    if (PRIMITIVES.has(type)) return `{ kind: '${type}' }`;
    const structFields = fields ?? this.common.get(type);
    if (!structFields) throw new Error(`${this.message.name}: unknown type ${type}`);
    return `{ kind: 'struct', fields: ${this.schemaFields(structFields, indent)} }`;
  }

  schemaFields(fields: JsonField[], indent: string): string {
    const inner = `${indent}  `;
    const items = fields.map((field) => {
      const baseType = field.type.replace(/^\[\]/, '');
      const parts = [
        `name: '${camel(field.name)}'`,
        `type: ${this.schemaType(field.type, field.fields, inner)}`,
        `versions: ${rangeLiteral(parseRange(field.versions))}`,
      ];
      const nullable = parseRange(field.nullableVersions);
      if (nullable) parts.push(`nullableVersions: ${rangeLiteral(nullable)}`);
      if (field.tag !== undefined) parts.push(`tag: ${field.tag}`, `taggedVersions: ${rangeLiteral(parseRange(field.taggedVersions))}`);
      const fallback = field.type.startsWith('[]') ? undefined : defaultLiteral(field, baseType);
      if (fallback !== undefined) parts.push(`default: ${fallback}`);
      if (field.flexibleVersions === 'none') parts.push('neverFlexible: true');
      return `${inner}{ ${parts.join(', ')} },`;
    });
    return `[\n${items.join('\n')}\n${indent}]`;
  }

  render(): string {
    const m = this.message;
    const top = this.interfaceBody(m.fields, '  ');
    const schemaFields = this.schemaFields(m.fields, '  ');
    const namespace = this.structs.size
      ? `\nexport declare namespace ${m.name} {\n${[...this.structs].map(([name, body]) => `  interface ${name} {\n${body}\n  }`).join('\n')}\n}\n`
      : '';
    return `${HEADER(m.name)}
import type { MessageSchema } from '../schema/message-schema';
import { MAX_VERSION } from '../schema/message-schema';

export interface ${m.name} {
${top}
}
${namespace}
export const ${m.name}Schema: MessageSchema = {
  name: '${m.name}',
  apiKey: ${m.apiKey ?? 'null'},
  validVersions: ${rangeLiteral(parseRange(m.validVersions))},
  flexibleVersions: ${rangeLiteral(parseRange(m.flexibleVersions))},
  fields: ${schemaFields},
};
`;
  }
}

const HEADER = (source: string) => `// DO NOT EDIT. Generated by packages/kafka-protocol/scripts/generate.ts from Apache Kafka's
// ${source}.json message definition (Apache License 2.0; see NOTICE). Regenerate with \`pnpm generate\`.
`;

function main(): void {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const source = resolve(process.argv[2] ?? join(here, '../../../../shared/kafka-protocol'));
  const out = join(here, '../src/generated');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });

  const known = new Set(readdirSync(join(source, 'message')).map((f) => f.replace(/\.json$/, '')));
  const modules: { file: string; message: JsonMessage }[] = [];
  const names = [...API_NAMES.flatMap((api) => [`${api}Request`, `${api}Response`]), ...OTHER_MESSAGES];
  for (const name of names) {
    if (!known.has(name)) throw new Error(`no ${name}.json in ${source}/message`);
    const message = readMessage(source, name);
    const file = kebab(name);
    writeFileSync(join(out, `${file}.ts`), new MessageWriter(message).render());
    modules.push({ file, message });
  }

  const apis = API_NAMES.map((api) => {
    const request = modules.find((m) => m.message.name === `${api}Request`)!.message;
    return { api, key: request.apiKey! };
  }).sort((a, b) => a.key - b.key);
  const index = `${HEADER('message definitions')}
${modules.map(({ file, message }) => `import { ${message.name}Schema } from './${file}';\nimport type { ${message.name} } from './${file}';`).join('\n')}
import type { MessageSchema } from '../schema/message-schema';

${modules.map(({ file, message }) => `export { ${message.name}Schema, type ${message.name} } from './${file}';`).join('\n')}

/** Kafka API keys of the APIs this package encodes. */
export const ApiKey = {
${apis.map(({ api, key }) => `  ${api}: ${key},`).join('\n')}
} as const;

export type ApiKeyNumber = (typeof ApiKey)[keyof typeof ApiKey];

export interface ApiSchemas {
  readonly name: string;
  readonly request: MessageSchema;
  readonly response: MessageSchema;
}

/** Request and response schema for every API key this package knows. */
export const apiSchemas: ReadonlyMap<number, ApiSchemas> = new Map([
${apis.map(({ api, key }) => `  [${key}, { name: '${api}', request: ${api}RequestSchema, response: ${api}ResponseSchema }],`).join('\n')}
]);

/** Decoded request body type by API key. */
export interface RequestByKey {
${apis.map(({ api, key }) => `  ${key}: ${api}Request;`).join('\n')}
}

/** Decoded response body type by API key. */
export interface ResponseByKey {
${apis.map(({ api, key }) => `  ${key}: ${api}Response;`).join('\n')}
}
`;
  writeFileSync(join(out, 'index.ts'), index);
  console.log(`generated ${modules.length} messages into ${out}`);
}

main();
