import { javaMurmur2, toPositive } from '../hashes/java-murmur2';
import { describeKey, keyBytes, type RecordKey } from '../key-bytes';
import { PartitioningError, step, type PartitionChoice } from '../partition-choice';

export interface ContentBasedOptions {
  /** JSON field looked up in the record value, e.g. "priority". */
  field?: string;
  /** The value that earns the reserved partition, e.g. "high". */
  equals?: string;
  reservedPartition?: number;
}

export interface ContentBasedState {
  /** Round-robin position over the other partitions for keyless normal records. */
  counter: number;
}

export interface ContentBasedPartitioner {
  readonly state: Readonly<ContentBasedState>;
  readonly options: Readonly<Required<ContentBasedOptions>>;
  choose(record: { key: RecordKey | null; value?: unknown }, partitionCount: number): PartitionChoice;
}

const utf8 = new TextDecoder();

/**
 * The seed guide's PriorityPartitioner: a value whose JSON `priority` is "high" goes to a reserved
 * partition. The guide round-robins everything else; Lanes hashes keyed records over the other
 * partitions (murmur2, so a key keeps its order) and round-robins only keyless ones, as the guide
 * does. A value that is not JSON counts as normal, as it does in the guide.
 */
export function createContentBasedPartitioner(options: ContentBasedOptions = {}): ContentBasedPartitioner {
  const settings = { field: options.field ?? 'priority', equals: options.equals ?? 'high', reservedPartition: options.reservedPartition ?? 0 };
  if (!Number.isInteger(settings.reservedPartition) || settings.reservedPartition < 0) {
    throw new PartitioningError(`reservedPartition must be a partition number (0 or more); got ${settings.reservedPartition}.`);
  }
  const state: ContentBasedState = { counter: 0 };
  return {
    state,
    options: settings,
    choose({ key, value }, partitionCount) {
      const { field, equals, reservedPartition } = settings;
      if (partitionCount < 2 || reservedPartition >= partitionCount) {
        throw new PartitioningError(`The content-based partitioner reserves partition ${reservedPartition} and needs at least one other: the topic has ${partitionCount} partition${partitionCount === 1 ? '' : 's'}.`);
      }
      const found = readField(value, field);
      if (found.kind === 'value' && found.value === equals) {
        return {
          partition: reservedPartition,
          explanation: `content: value.${field} = "${equals}" → reserved partition ${reservedPartition}`,
          steps: [step(`value.${field}`, JSON.stringify(found.value)), step('route', 'reserved partition'), step('partition', reservedPartition)],
        };
      }
      const why = found.kind === 'value' ? `value.${field} is ${JSON.stringify(found.value)}, not "${equals}"` : found.reason;
      const others = Array.from({ length: partitionCount }, (_, p) => p).filter((p) => p !== reservedPartition);
      if (key === null) {
        const index = state.counter % others.length;
        state.counter = index + 1;
        const partition = others[index] as number;
        return {
          partition,
          explanation: `content: ${why} → no key: round robin over [${others.join(', ')}] → partition ${partition}`,
          steps: [step(`value.${field}`, why), step('route', `round robin over [${others.join(', ')}]`), step('partition', partition)],
        };
      }
      const positive = toPositive(javaMurmur2(keyBytes(key)));
      const index = positive % others.length;
      const partition = others[index] as number;
      return {
        partition,
        explanation: `content: ${why} → murmur2(${describeKey(key)}) & 0x7fffffff = ${positive} → % ${others.length} = ${index} → partition ${partition} of [${others.join(', ')}]`,
        steps: [
          step(`value.${field}`, why),
          step('murmur2 & 0x7fffffff', positive),
          step(`% ${others.length} (partitions other than ${reservedPartition})`, index),
          step('partition', partition),
        ],
      };
    },
  };
}

type FieldLookup = { kind: 'value'; value: unknown } | { kind: 'missing'; reason: string };

function readField(value: unknown, field: string): FieldLookup {
  if (value === null || value === undefined) return { kind: 'missing', reason: 'no value' };
  let parsed: unknown = value;
  if (typeof value === 'string' || value instanceof Uint8Array) {
    const text = typeof value === 'string' ? value : utf8.decode(value);
    try {
      parsed = JSON.parse(text);
    } catch {
      return { kind: 'missing', reason: 'the value is not JSON, so it counts as normal' };
    }
  }
  if (typeof parsed !== 'object' || parsed === null || !(field in parsed)) {
    return { kind: 'missing', reason: `the value has no "${field}" field` };
  }
  return { kind: 'value', value: (parsed as Record<string, unknown>)[field] };
}
