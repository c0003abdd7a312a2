import { Kafka, logLevel } from 'kafkajs';

/**
 * What a user does first with a broker: create a topic, produce, consume the messages back.
 * Resolves with the values consumed, in order; rejects if any step fails or takes too long.
 */
export async function kafkajsRoundTrip(bootstrap: string, topic: string, values: readonly string[], timeoutMs = 10_000): Promise<string[]> {
  const kafka = new Kafka({ clientId: 'fuzz-survivor', brokers: [bootstrap], logLevel: logLevel.NOTHING, retry: { retries: 2 } });
  const admin = kafka.admin();
  const producer = kafka.producer();
  const consumer = kafka.consumer({ groupId: `${topic}-readers`, maxWaitTimeInMs: 100 });
  try {
    await admin.connect();
    const created = await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    if (!created) throw new Error(`kafkajs says topic '${topic}' already existed`);
    await producer.connect();
    await producer.send({ topic, messages: values.map((value) => ({ value })) });

    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    const consumed: string[] = [];
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`consumed only ${consumed.length} of ${values.length} messages in ${timeoutMs} ms`)), timeoutMs);
      void consumer.run({
        eachMessage: async ({ message }) => {
          consumed.push(message.value?.toString() ?? '');
          if (consumed.length === values.length) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
    return consumed;
  } finally {
    await consumer.disconnect();
    await producer.disconnect();
    await admin.disconnect();
  }
}
