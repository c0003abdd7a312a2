import { describe, expect, it } from 'vitest';
import { TopicError } from './log-errors';
import { TopicConfig, TopicConfigDefaults, parseTopicConfig } from './topic-config';

function configError(run: () => unknown): TopicError {
  try {
    run();
  } catch (error) {
    if (error instanceof TopicError) return error;
    throw error;
  }
  throw new Error('expected a TopicError');
}

describe('TopicConfig', () => {
  it('uses Kafka defaults, with 1 MiB segments so rolls are visible', () => {
    const config = TopicConfig.parse();
    expect(config.get('segment.bytes')).toBe(1_048_576);
    expect(config.get('segment.ms')).toBe(604_800_000);
    expect(config.get('retention.bytes')).toBe(-1);
    expect(config.get('retention.ms')).toBe(604_800_000);
    expect(config.get('cleanup.policy')).toBe('delete');
    expect(config.get('max.message.bytes')).toBe(1_048_588);
    expect(config.get('message.timestamp.type')).toBe('CreateTime');
  });

  it('parses overrides from strings, ignoring surrounding spaces and null values', () => {
    const config = TopicConfig.parse({ 'segment.bytes': ' 4096 ', 'retention.ms': '-1', 'retention.bytes': null });
    expect(config.get('segment.bytes')).toBe(4096);
    expect(config.get('retention.ms')).toBe(-1);
    expect(config.get('retention.bytes')).toBe(-1);
  });

  it('names an unknown config and lists the supported ones', () => {
    const error = configError(() => TopicConfig.parse({ 'min.insync.replicas': '2' }));
    expect(error.code).toBe(40);
    expect(error.message).toBe(
      "Unknown topic config 'min.insync.replicas'. Supported configs: segment.bytes, segment.ms, retention.bytes, retention.ms, cleanup.policy, max.message.bytes, message.timestamp.type.",
    );
    expect(configError(() => TopicConfig.parse({ toString: '1' })).code).toBe(40);
    expect(configError(() => TopicConfig.parse({ 'no.such': null })).message).toMatch(/Unknown topic config 'no.such'/);
  });

  it('rejects compaction and LogAppendTime with the reason', () => {
    expect(configError(() => TopicConfig.parse({ 'cleanup.policy': 'compact' })).message).toMatch(
      /Invalid value 'compact' for topic config cleanup.policy: 'compact' is not supported: this embedded broker has no log cleaner/,
    );
    expect(configError(() => TopicConfig.parse({ 'cleanup.policy': 'compact,delete' })).code).toBe(40);
    expect(TopicConfig.parse({ 'cleanup.policy': 'Delete' }).get('cleanup.policy')).toBe('delete');
    expect(configError(() => TopicConfig.parse({ 'message.timestamp.type': 'LogAppendTime' })).message).toMatch(
      /'LogAppendTime' is not supported/,
    );
    expect(configError(() => TopicConfig.parse({ 'message.timestamp.type': 'Wallclock' })).message).toMatch(/must be 'CreateTime'/);
  });

  it('rejects numbers that are not whole or out of range, saying the range', () => {
    expect(configError(() => TopicConfig.parse({ 'segment.bytes': '512' })).message).toBe(
      "Invalid value '512' for topic config segment.bytes: must be between 1024 and 2147483647.",
    );
    expect(configError(() => TopicConfig.parse({ 'segment.bytes': '1.5e3' })).message).toMatch(/must be a whole number/);
    expect(configError(() => TopicConfig.parse({ 'segment.ms': '0' })).code).toBe(40);
    expect(configError(() => TopicConfig.parse({ 'retention.ms': '-2' })).code).toBe(40);
    expect(configError(() => TopicConfig.parse({ 'retention.bytes': '' })).code).toBe(40);
    expect(configError(() => TopicConfig.parse({ 'max.message.bytes': '99999999999' })).code).toBe(40);
  });

  it('describes each config with its source and synonyms for DescribeConfigs', () => {
    const defaults = new TopicConfigDefaults({ 'retention.ms': 60_000 });
    const config = TopicConfig.parse({ 'segment.bytes': '2048' }, defaults);
    const entries = config.describe();
    expect(entries.map((entry) => entry.name)).toHaveLength(7);
    expect(config.describe(['segment.bytes', 'retention.ms', 'segment.ms', 'unknown.name'])).toEqual([
      {
        name: 'segment.bytes',
        value: '2048',
        isDefault: false,
        readOnly: false,
        sensitive: false,
        source: 'DYNAMIC_TOPIC_CONFIG',
        sourceCode: 1,
        synonyms: [
          { name: 'segment.bytes', value: '2048', source: 'DYNAMIC_TOPIC_CONFIG', sourceCode: 1 },
          { name: 'log.segment.bytes', value: '1048576', source: 'DEFAULT_CONFIG', sourceCode: 5 },
        ],
      },
      {
        name: 'retention.ms',
        value: '60000',
        isDefault: false,
        readOnly: false,
        sensitive: false,
        source: 'STATIC_BROKER_CONFIG',
        sourceCode: 4,
        synonyms: [
          { name: 'log.retention.ms', value: '60000', source: 'STATIC_BROKER_CONFIG', sourceCode: 4 },
          { name: 'log.retention.ms', value: '604800000', source: 'DEFAULT_CONFIG', sourceCode: 5 },
        ],
      },
      {
        name: 'segment.ms',
        value: '604800000',
        isDefault: true,
        readOnly: false,
        sensitive: false,
        source: 'DEFAULT_CONFIG',
        sourceCode: 5,
        synonyms: [{ name: 'log.roll.ms', value: '604800000', source: 'DEFAULT_CONFIG', sourceCode: 5 }],
      },
    ]);
  });

  it('validates broker-level defaults as strictly as topic configs', () => {
    expect(() => new TopicConfigDefaults({ 'segment.bytes': 'big' })).toThrow(/segment.bytes: must be a whole number/);
    expect(TopicConfig.parse({}, new TopicConfigDefaults({ 'segment.bytes': '4096' })).get('segment.bytes')).toBe(4096);
    expect(parseTopicConfig('retention.bytes', 123)).toBe(123);
  });
});
