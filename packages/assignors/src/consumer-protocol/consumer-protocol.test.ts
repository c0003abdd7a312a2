import { AssignerProtocol } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { decodeAssignment, encodeAssignment } from './assignment';
import { ConsumerProtocolError } from './protocol-bytes';
import { decodeSubscription, encodeSubscription } from './subscription';

const hex = (text: string) => Buffer.from(text.replace(/\s+/g, ''), 'hex');

describe('ConsumerProtocolSubscription', () => {
  it('encodes v0 byte for byte as kafkajs’s AssignerProtocol.MemberMetadata', () => {
    const ours = encodeSubscription({ topics: ['orders', 'payments'], userData: Buffer.from('hi') });
    expect(ours).toEqual(AssignerProtocol.MemberMetadata.encode({ version: 0, topics: ['orders', 'payments'], userData: Buffer.from('hi') }));
    expect(encodeSubscription({ topics: ['t'] })).toEqual(AssignerProtocol.MemberMetadata.encode({ version: 0, topics: ['t'], userData: Buffer.alloc(0) }));
  });

  it('decodes what kafkajs encodes, and kafkajs decodes what we encode', () => {
    const fromKafkajs = AssignerProtocol.MemberMetadata.encode({ version: 0, topics: ['a', 'b'], userData: Buffer.from([1, 2]) });
    expect(decodeSubscription(fromKafkajs)).toEqual({ version: 0, topics: ['a', 'b'], userData: Buffer.from([1, 2]), ownedPartitions: [], generationId: -1, rackId: null });
    expect(AssignerProtocol.MemberMetadata.decode(encodeSubscription({ topics: ['x'], userData: Buffer.from([9]) }))).toEqual({ version: 0, topics: ['x'], userData: Buffer.from([9]) });
  });

  it('round-trips v1 with owned partitions (KIP-429) to the documented bytes', () => {
    const subscription = { version: 1, topics: ['t'], userData: null, ownedPartitions: [{ topic: 't', partitions: [0, 2] }] };
    const bytes = encodeSubscription(subscription);
    // version 1 | topics [1: "t"] | user data null | owned [1: "t" [2: 0, 2]]
    expect(bytes).toEqual(hex('0001 00000001 0001 74 ffffffff 00000001 0001 74 00000002 00000000 00000002'));
    expect(decodeSubscription(bytes)).toEqual({ ...subscription, generationId: -1, rackId: null });
  });

  it('reads v3 (generation and rack) and reads an unknown newer version as v3, ignoring what follows', () => {
    const v3 = encodeSubscription({ version: 3, topics: ['t'], ownedPartitions: [], generationId: 7, rackId: 'eu-1a' });
    expect(decodeSubscription(v3)).toMatchObject({ version: 3, generationId: 7, rackId: 'eu-1a' });
    const v9 = Buffer.concat([hex('0009'), v3.subarray(2), hex('deadbeef')]);
    expect(decodeSubscription(v9)).toMatchObject({ version: 9, topics: ['t'], generationId: 7, rackId: 'eu-1a' });
  });

  it('reads a view into a larger buffer (as a JoinGroup response hands it over)', () => {
    const framed = Buffer.concat([hex('ffff'), encodeSubscription({ topics: ['t'] }), hex('ffff')]);
    expect(decodeSubscription(framed.subarray(2, framed.length - 2)).topics).toEqual(['t']);
  });

  it('rejects malformed bytes with an error naming the field', () => {
    expect(() => decodeSubscription(hex('00'))).toThrow(new ConsumerProtocolError('Malformed ConsumerProtocolSubscription (1 bytes): truncated at Version: needs 2 bytes at offset 0, 1 left.'));
    expect(() => decodeSubscription(hex('0000 00000001 0005 6162'))).toThrow(/truncated at Topics entry: needs 5 bytes/);
    expect(() => decodeSubscription(hex('0000 7fffffff'))).toThrow(/Topics claims 2147483647 entries but only 0 bytes remain/);
    expect(() => decodeSubscription(hex('ffff'))).toThrow(/version -1 is negative/);
    expect(() => encodeSubscription({ version: 4, topics: [] })).toThrow(/versions 0 to 3 exist/);
  });
});

describe('ConsumerProtocolAssignment', () => {
  it('encodes v0 byte for byte as kafkajs’s AssignerProtocol.MemberAssignment', () => {
    const ours = encodeAssignment({ assignedPartitions: [{ topic: 'orders', partitions: [0, 2, 4] }, { topic: 'payments', partitions: [1] }] });
    expect(ours).toEqual(AssignerProtocol.MemberAssignment.encode({ version: 0, assignment: { orders: [0, 2, 4], payments: [1] }, userData: Buffer.alloc(0) }));
    expect(AssignerProtocol.MemberAssignment.decode(ours)).toEqual({ version: 0, assignment: { orders: [0, 2, 4], payments: [1] }, userData: Buffer.alloc(0) });
  });

  it('round-trips, including null user data as Java sends it', () => {
    const assignment = { version: 1, assignedPartitions: [{ topic: 't', partitions: [3] }], userData: null };
    const bytes = encodeAssignment(assignment);
    expect(bytes).toEqual(hex('0001 00000001 0001 74 00000001 00000003 ffffffff'));
    expect(decodeAssignment(bytes)).toEqual(assignment);
  });

  it('reads an empty SyncGroup assignment as no partitions, and rejects a truncated one', () => {
    expect(decodeAssignment(Buffer.alloc(0))).toEqual({ version: 0, assignedPartitions: [], userData: null });
    expect(() => decodeAssignment(hex('0000 00000001 0001 74 00000002 00000000'))).toThrow(
      new ConsumerProtocolError('Malformed ConsumerProtocolAssignment (17 bytes): AssignedPartitions partitions claims 2 entries but only 4 bytes remain.'),
    );
    expect(() => decodeAssignment(hex('0000 00000000 0000'))).toThrow(/truncated at UserData length: needs 4 bytes at offset 6, 2 left/);
  });
});
