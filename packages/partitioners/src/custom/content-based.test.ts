import { describe, expect, it } from 'vitest';
import { murmur2Partition } from '../keyed/murmur2-partition';
import { createContentBasedPartitioner } from './content-based';

describe('content-based partitioner (priority "high" → reserved partition)', () => {
  it('routes a value with "priority": "high" to the reserved partition whatever its key', () => {
    const partitioner = createContentBasedPartitioner();
    for (const key of ['a', 'b', null]) {
      expect(partitioner.choose({ key, value: '{"priority":"high","id":1}' }, 4)).toMatchObject({
        partition: 0,
        explanation: 'content: value.priority = "high" → reserved partition 0',
      });
    }
    expect(partitioner.choose({ key: 'a', value: new TextEncoder().encode('{"priority":"high"}') }, 4).partition).toBe(0);
    expect(partitioner.choose({ key: 'a', value: { priority: 'high' } }, 4).partition).toBe(0);
  });

  it('hashes other keyed records over the remaining partitions, never the reserved one', () => {
    const partitioner = createContentBasedPartitioner({ reservedPartition: 1 });
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) seen.add(partitioner.choose({ key: `k${i}`, value: '{"priority":"low"}' }, 4).partition);
    expect([...seen].sort()).toEqual([0, 2, 3]);
    const choice = partitioner.choose({ key: 'k1', value: '{"priority":"low"}' }, 4);
    expect(choice.explanation).toContain('value.priority is "low", not "high" → murmur2(\'k1\')');
    expect(choice.partition).not.toBe(1);
    expect(murmur2Partition('k1', 3).partition).toBe([0, 2, 3].indexOf(choice.partition));
  });

  it('round-robins keyless normal records over the others, and treats a non-JSON value as normal', () => {
    const partitioner = createContentBasedPartitioner();
    const partitions = Array.from({ length: 5 }, () => partitioner.choose({ key: null, value: 'not json' }, 3).partition);
    expect(partitions).toEqual([1, 2, 1, 2, 1]);
    expect(partitioner.choose({ key: null, value: 'not json' }, 3).explanation).toBe(
      'content: the value is not JSON, so it counts as normal → no key: round robin over [1, 2] → partition 2',
    );
    expect(partitioner.state.counter).toBe(2);
  });

  it('uses the configured field and value, and refuses a topic without room for both routes', () => {
    const partitioner = createContentBasedPartitioner({ field: 'region', equals: 'eu', reservedPartition: 2 });
    expect(partitioner.choose({ key: 'x', value: '{"region":"eu"}' }, 3).partition).toBe(2);
    expect(() => createContentBasedPartitioner().choose({ key: 'x' }, 1)).toThrow(
      'The content-based partitioner reserves partition 0 and needs at least one other: the topic has 1 partition.',
    );
    expect(() => createContentBasedPartitioner({ reservedPartition: 5 }).choose({ key: 'x' }, 3)).toThrow(/reserves partition 5/);
  });
});
