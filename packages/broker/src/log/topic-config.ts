import { TopicError } from './log-errors';

/**
 * Topic configs this broker understands, with Kafka's names, Kafka's defaults (except
 * segment.bytes, below) and Kafka's validation, parsed from the strings CreateTopics carries.
 *
 * @example
 *   const defaults = new TopicConfigDefaults({ 'segment.bytes': '4096' }); // from the CLI
 *   const config = TopicConfig.parse({ 'retention.ms': '60000' }, defaults);
 *   config.get('segment.bytes'); // 4096
 */
export interface TopicConfigValues {
  'segment.bytes': number;
  'segment.ms': number;
  'retention.bytes': number;
  'retention.ms': number;
  'cleanup.policy': 'delete';
  'max.message.bytes': number;
  'message.timestamp.type': 'CreateTime';
}

export type TopicConfigName = keyof TopicConfigValues;

/** Where a value came from, with Kafka's ConfigSource ids (DescribeConfigs v1+, KIP-226). */
export const ConfigSourceCode = {
  DYNAMIC_TOPIC_CONFIG: 1,
  STATIC_BROKER_CONFIG: 4,
  DEFAULT_CONFIG: 5,
} as const;

export type ConfigSource = keyof typeof ConfigSourceCode;

export interface ConfigSynonym {
  readonly name: string;
  readonly value: string;
  readonly source: ConfigSource;
  readonly sourceCode: number;
}

/** One DescribeConfigs result entry. */
export interface ConfigEntry {
  readonly name: TopicConfigName;
  readonly value: string;
  /** DescribeConfigs v0 `is_default`: true when neither the topic nor the broker set it. */
  readonly isDefault: boolean;
  /** Topic configs are never read-only in Kafka; static broker configs are, and are not listed here. */
  readonly readOnly: boolean;
  readonly sensitive: boolean;
  readonly source: ConfigSource;
  readonly sourceCode: number;
  /** Highest precedence first, as Kafka lists them when include_synonyms is set. */
  readonly synonyms: readonly ConfigSynonym[];
}

interface ConfigDefinition<N extends TopicConfigName> {
  readonly name: N;
  /** The broker-level config Kafka uses as this topic config's default (its synonym). */
  readonly brokerName: string;
  readonly defaultValue: string;
  /** Returns the value, or throws a string saying what a valid value looks like. */
  readonly parse: (raw: string) => TopicConfigValues[N];
}

const INT32_MAX = 2_147_483_647;
const SEVEN_DAYS_MS = 604_800_000;

function integer(raw: string, min: number, max: number): number {
  const text = raw.trim();
  if (!/^-?\d+$/.test(text)) throw `must be a whole number between ${min} and ${max}`;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min || value > max) throw `must be between ${min} and ${max}`;
  return value;
}

type ConfigDefinitions = { readonly [N in TopicConfigName]: ConfigDefinition<N> };

const definitions: ConfigDefinitions = {
  // Kafka's default is 1 GiB and its minimum 14 bytes. Here the default is 1 MiB so a class can
  // watch segments roll, and the minimum is 1 KiB: small enough that a dozen short records fill a
  // segment, large enough that nobody turns every batch into its own segment by accident.
  'segment.bytes': {
    name: 'segment.bytes',
    brokerName: 'log.segment.bytes',
    defaultValue: String(1024 * 1024),
    parse: (raw) => integer(raw, 1024, INT32_MAX),
  },
  'segment.ms': {
    name: 'segment.ms',
    brokerName: 'log.roll.ms',
    defaultValue: String(SEVEN_DAYS_MS),
    parse: (raw) => integer(raw, 1, Number.MAX_SAFE_INTEGER),
  },
  'retention.bytes': {
    name: 'retention.bytes',
    brokerName: 'log.retention.bytes',
    defaultValue: '-1',
    parse: (raw) => integer(raw, -1, Number.MAX_SAFE_INTEGER),
  },
  'retention.ms': {
    name: 'retention.ms',
    brokerName: 'log.retention.ms',
    defaultValue: String(SEVEN_DAYS_MS),
    parse: (raw) => integer(raw, -1, Number.MAX_SAFE_INTEGER),
  },
  'cleanup.policy': {
    name: 'cleanup.policy',
    brokerName: 'log.cleanup.policy',
    defaultValue: 'delete',
    parse: (raw) => {
      const policies = raw.split(',').map((policy) => policy.trim().toLowerCase());
      if (policies.includes('compact')) {
        throw "'compact' is not supported: this embedded broker has no log cleaner, so only 'delete' works. Point Lanes at a real Kafka cluster to try compaction";
      }
      if (policies.length !== 1 || policies[0] !== 'delete') throw "must be 'delete'";
      return 'delete';
    },
  },
  'max.message.bytes': {
    name: 'max.message.bytes',
    brokerName: 'message.max.bytes',
    defaultValue: '1048588',
    parse: (raw) => integer(raw, 0, INT32_MAX),
  },
  'message.timestamp.type': {
    name: 'message.timestamp.type',
    brokerName: 'log.message.timestamp.type',
    defaultValue: 'CreateTime',
    parse: (raw) => {
      const text = raw.trim();
      // LogAppendTime would mean rewriting every batch's timestamps and so its CRC32C on append.
      if (text === 'LogAppendTime') throw "'LogAppendTime' is not supported: this broker keeps producer timestamps (CreateTime)";
      if (text !== 'CreateTime') throw "must be 'CreateTime'";
      return 'CreateTime';
    },
  },
};

export const TOPIC_CONFIG_NAMES = Object.keys(definitions) as readonly TopicConfigName[];

function isTopicConfigName(name: string): name is TopicConfigName {
  return Object.hasOwn(definitions, name);
}

/** A raw config value as it arrives: a string from the wire or CLI, a number from code. */
export type RawConfigValue = string | number;

/**
 * Parses one config value, or throws TopicError INVALID_CONFIG naming the config and saying what
 * a valid value looks like.
 */
export function parseTopicConfig<N extends TopicConfigName>(name: N, raw: RawConfigValue): TopicConfigValues[N];
export function parseTopicConfig(name: string, raw: RawConfigValue): TopicConfigValues[TopicConfigName];
export function parseTopicConfig(name: string, raw: RawConfigValue): TopicConfigValues[TopicConfigName] {
  requireKnownName(name);
  const definition = definitions[name] as ConfigDefinition<TopicConfigName>;
  try {
    return definition.parse(String(raw));
  } catch (reason) {
    if (typeof reason !== 'string') throw reason;
    throw new TopicError('INVALID_CONFIG', `Invalid value '${String(raw)}' for topic config ${name}: ${reason}.`);
  }
}

function requireKnownName(name: string): asserts name is TopicConfigName {
  if (!isTopicConfigName(name)) {
    throw new TopicError('INVALID_CONFIG', `Unknown topic config '${name}'. Supported configs: ${TOPIC_CONFIG_NAMES.join(', ')}.`);
  }
}

function parseAll(raw: Readonly<Record<string, RawConfigValue | null | undefined>>): Map<TopicConfigName, string> {
  const parsed = new Map<TopicConfigName, string>();
  for (const [name, value] of Object.entries(raw)) {
    // CreateTopics allows a null value; Kafka treats it as "not set".
    requireKnownName(name);
    if (value === null || value === undefined) continue;
    parsed.set(name, String(parseTopicConfig(name, value)));
  }
  return parsed;
}

/**
 * Broker-level defaults for topic configs (Kafka's log.* broker configs), set once when the broker
 * starts so the CLI can change them. Keys use the topic config names.
 */
export class TopicConfigDefaults {
  private readonly overrides: ReadonlyMap<TopicConfigName, string>;

  constructor(overrides: Readonly<Record<string, RawConfigValue | null | undefined>> = {}) {
    this.overrides = parseAll(overrides);
  }

  /** The broker's value for a config, with its source. */
  lookup(name: TopicConfigName): { value: string; source: ConfigSource } {
    const override = this.overrides.get(name);
    if (override !== undefined) return { value: override, source: 'STATIC_BROKER_CONFIG' };
    return { value: definitions[name].defaultValue, source: 'DEFAULT_CONFIG' };
  }

  synonyms(name: TopicConfigName): ConfigSynonym[] {
    const definition = definitions[name];
    const synonyms: ConfigSynonym[] = [];
    const override = this.overrides.get(name);
    if (override !== undefined) synonyms.push(synonym(definition.brokerName, override, 'STATIC_BROKER_CONFIG'));
    synonyms.push(synonym(definition.brokerName, definition.defaultValue, 'DEFAULT_CONFIG'));
    return synonyms;
  }
}

function synonym(name: string, value: string, source: ConfigSource): ConfigSynonym {
  return { name, value, source, sourceCode: ConfigSourceCode[source] };
}

/** The effective configuration of one topic: its own overrides over the broker defaults. */
export class TopicConfig {
  private readonly values: TopicConfigValues;

  private constructor(
    private readonly overrides: ReadonlyMap<TopicConfigName, string>,
    private readonly defaults: TopicConfigDefaults,
  ) {
    const values: Partial<Record<TopicConfigName, unknown>> = {};
    for (const name of TOPIC_CONFIG_NAMES) values[name] = parseTopicConfig(name, this.valueOf(name));
    this.values = values as TopicConfigValues;
  }

  /**
   * Validates a topic's config overrides, as CreateTopics sends them (name to string, null meaning
   * unset). Throws TopicError INVALID_CONFIG on an unknown name or a bad value.
   */
  static parse(
    overrides: Readonly<Record<string, RawConfigValue | null | undefined>> = {},
    defaults: TopicConfigDefaults = new TopicConfigDefaults(),
  ): TopicConfig {
    return new TopicConfig(parseAll(overrides), defaults);
  }

  get<N extends TopicConfigName>(name: N): TopicConfigValues[N] {
    return this.values[name];
  }

  /**
   * DescribeConfigs entries. `names` null or omitted means every config; names this broker does
   * not know are left out, as Kafka does.
   */
  describe(names?: readonly string[] | null): ConfigEntry[] {
    const wanted = names ?? TOPIC_CONFIG_NAMES;
    return wanted.filter(isTopicConfigName).map((name) => this.entry(name));
  }

  private valueOf(name: TopicConfigName): string {
    return this.overrides.get(name) ?? this.defaults.lookup(name).value;
  }

  private entry(name: TopicConfigName): ConfigEntry {
    const own = this.overrides.get(name);
    const brokerLevel = this.defaults.lookup(name);
    const source: ConfigSource = own !== undefined ? 'DYNAMIC_TOPIC_CONFIG' : brokerLevel.source;
    const synonyms = this.defaults.synonyms(name);
    if (own !== undefined) synonyms.unshift(synonym(name, own, 'DYNAMIC_TOPIC_CONFIG'));
    return {
      name,
      value: String(this.values[name]),
      isDefault: source === 'DEFAULT_CONFIG',
      readOnly: false,
      sensitive: false,
      source,
      sourceCode: ConfigSourceCode[source],
      synonyms,
    };
  }
}
