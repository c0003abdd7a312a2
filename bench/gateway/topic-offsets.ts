import { Kafka, logLevel } from 'kafkajs';

/** Each partition's high watermark (the offset the next record will get), from the kafkajs admin. */
export async function highWatermarks(bootstrap: string, topic: string): Promise<Map<number, number>> {
  const admin = new Kafka({ clientId: 'lanes-bench-admin', brokers: [bootstrap], logLevel: logLevel.ERROR }).admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return new Map(offsets.map(({ partition, high }) => [partition, Number(high)]));
  } finally {
    await admin.disconnect();
  }
}

export function totalRecords(highs: Map<number, number>): number {
  let total = 0;
  for (const high of highs.values()) total += high;
  return total;
}
