import { ApiKey } from '@lanes/kafka-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBroker, type Broker } from '../index';
import { reachableHeapBytes } from '../fuzz/heap';
import { RawKafkaSocket } from '../fuzz/raw-kafka-socket';

// What a client leaves behind when it hangs up must go with it: a broker that keeps the work of
// departed clients grows until it falls over, one disconnect at a time.

let broker: Broker;

beforeAll(async () => {
  broker = await startBroker({ port: 0 });
  broker.topics.create('quiet', 1);
});

afterAll(async () => {
  await broker.close();
});

describe('a client that disconnects', () => {
  it('is forgotten by connectionCount', async () => {
    const sockets = await Promise.all(Array.from({ length: 20 }, () => RawKafkaSocket.connect(broker.port)));
    await expect.poll(() => broker.connectionCount).toBe(20);
    for (const socket of sockets) socket.destroy();
    await expect.poll(() => broker.connectionCount).toBe(0);
  });

  // A Fetch parks for up to max_wait_ms (an int32: almost 25 days). Once its connection is gone
  // nobody can receive the answer, so the parked request should be released, not held until then.
  it('releases the memory of a parked Fetch when its connection closes', async () => {
    const partitions = Array.from({ length: 20_000 }, () => ({ partition: 0, fetchOffset: 0, partitionMaxBytes: 1024 }));
    const before = reachableHeapBytes();
    for (let i = 0; i < 20; i++) {
      const socket = await RawKafkaSocket.connect(broker.port);
      socket.send(ApiKey.Fetch, 11, { replicaId: -1, maxWaitMs: 0x7fffffff, minBytes: 1, maxBytes: 1024, topics: [{ topic: 'quiet', partitions }] });
      await expect(socket.nextFrame(50)).rejects.toThrow('no response');
      socket.destroy();
      await socket.closed;
    }
    await expect.poll(() => broker.connectionCount).toBe(0);
    const held = reachableHeapBytes() - before;
    expect(held, `${(held / 1048576).toFixed(1)} MB still held for 20 closed connections`).toBeLessThan(5 * 1024 * 1024);
  });
});
