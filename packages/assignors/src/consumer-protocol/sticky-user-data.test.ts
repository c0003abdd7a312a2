import { describe, expect, it } from 'vitest';
import { ConsumerProtocolError } from './protocol-bytes';
import { decodeStickyUserData, encodeStickyUserData } from './sticky-user-data';

const hex = (text: string) => Buffer.from(text.replace(/\s+/g, ''), 'hex');

describe('StickyAssignor user data (Java’s format)', () => {
  // previous_assignment [ "t" [0, 2], "u" [1] ] then generation 5, as Java's STICKY_ASSIGNOR_USER_DATA_V1 writes it
  const javaV1 = hex('00000002 0001 74 00000002 00000000 00000002 0001 75 00000001 00000001 00000005');

  it('writes v1 exactly as Java does, grouping partitions by topic', () => {
    const partitions = [
      { topic: 't', partition: 0 },
      { topic: 'u', partition: 1 },
      { topic: 't', partition: 2 },
    ];
    expect(encodeStickyUserData({ partitions, generation: 5 })).toEqual(javaV1);
  });

  it('reads v1, and v0 (no generation) as Java falls back to it', () => {
    const partitions = [
      { topic: 't', partition: 0 },
      { topic: 't', partition: 2 },
      { topic: 'u', partition: 1 },
    ];
    expect(decodeStickyUserData(javaV1)).toEqual({ partitions, generation: 5 });
    expect(decodeStickyUserData(javaV1.subarray(0, javaV1.length - 4))).toEqual({ partitions });
    expect(encodeStickyUserData({ partitions: [] })).toEqual(hex('00000000'));
  });

  it('throws a ConsumerProtocolError on bytes that are neither version', () => {
    expect(() => decodeStickyUserData(hex('00000001 0005 74'))).toThrow(ConsumerProtocolError);
  });
});
