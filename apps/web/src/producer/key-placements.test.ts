import { describe, expect, it } from 'vitest';
import { compareKeyPlacements } from './key-placements';

describe('compareKeyPlacements', () => {
  it("marks the clients that send 'u1' elsewhere than the chosen kafkajs producer", () => {
    const comparison = compareKeyPlacements('u1', 3, 'kafkajs');
    if (!comparison.ok) throw new Error(comparison.message);
    expect(comparison.referencePartition).toBe(1);
    const byId = new Map(comparison.rows.map((row) => [row.profile, row]));
    expect(byId.get('kafkajs')).toMatchObject({ partition: 1, reference: true, disagrees: false });
    expect(byId.get('java')).toMatchObject({ partition: 1, disagrees: false });
    // librdkafka's default hashes with crc32: the classic "same key, different client" surprise.
    expect(byId.get('librdkafka')).toMatchObject({ partition: 2, disagrees: true });
    expect(byId.get('iggy')).toMatchObject({ partition: 0, disagrees: true });
    expect(comparison.partitions).toEqual([0, 1, 2]);
    expect(comparison.summary).toMatch(/^Same key, different client, different partition: \d+ of \d+ profiles pick another partition than kafkajs 2.x/);
  });

  it('changes the reference with the chosen profile', () => {
    const comparison = compareKeyPlacements('u1', 3, 'librdkafka');
    if (!comparison.ok) throw new Error(comparison.message);
    expect(comparison.referencePartition).toBe(2);
    expect(comparison.rows.find((r) => r.profile === 'kafkajs')?.disagrees).toBe(true);
  });

  it('falls back to the most common answer when the chosen profile does not hash keys', () => {
    const comparison = compareKeyPlacements('u1', 3, 'librdkafka-random');
    if (!comparison.ok) throw new Error(comparison.message);
    expect(comparison.referencePartition).toBe(1);
    expect(comparison.rows.some((r) => r.reference)).toBe(false);
  });

  it('never marks a profile that refuses the key as disagreeing', () => {
    const comparison = compareKeyPlacements('u1', 3, 'kafkajs');
    if (!comparison.ok) throw new Error(comparison.message);
    const numeric = comparison.rows.find((r) => r.profile === 'custom-numeric-modulo');
    expect(numeric).toMatchObject({ partition: null, disagrees: false, error: expect.stringContaining('whole-number key') });
  });

  it('reports agreement when there is only one partition', () => {
    const comparison = compareKeyPlacements('u1', 1, 'kafkajs');
    if (!comparison.ok) throw new Error(comparison.message);
    expect(comparison.rows.every((r) => !r.disagrees)).toBe(true);
    expect(comparison.summary).toMatch(/agree: partition 0/);
  });

  it('asks for a key and a partition count instead of guessing', () => {
    expect(compareKeyPlacements('', 3, 'kafkajs')).toMatchObject({ ok: false, message: expect.stringContaining('Type a key') });
    expect(compareKeyPlacements('u1', 0, 'kafkajs')).toMatchObject({ ok: false, message: expect.stringContaining('partition count') });
  });
});
