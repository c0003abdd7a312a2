/**
 * A kafkajs group member in its own process, so a test can crash it for real: SIGKILL closes its
 * sockets without a LeaveGroup, which is how a member looks to the broker when its host dies.
 * Started by crashing-consumer-process.ts; not a test itself.
 *
 * Argument: one JSON object (CrashingConsumerArgs). Output: one JSON line (CrashingConsumerLine)
 * per group join and per record, on stdout.
 */
import { Kafka, logLevel } from 'kafkajs';

export interface CrashingConsumerArgs {
  bootstrap: string;
  groupId: string;
  topic: string;
  sessionTimeout: number;
  heartbeatInterval: number;
  maxWaitTimeInMs: number;
}

export type CrashingConsumerLine =
  | { type: 'joined'; memberId: string; partitions: number[] }
  | { type: 'record'; partition: number; offset: number; value: string | null }
  | { type: 'error'; message: string };

function say(line: CrashingConsumerLine): void {
  process.stdout.write(JSON.stringify(line) + '\n');
}

async function main(args: CrashingConsumerArgs): Promise<void> {
  const kafka = new Kafka({ clientId: 'crashing-consumer', brokers: [args.bootstrap], logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({
    groupId: args.groupId,
    sessionTimeout: args.sessionTimeout,
    heartbeatInterval: args.heartbeatInterval,
    maxWaitTimeInMs: args.maxWaitTimeInMs,
  });
  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    say({ type: 'joined', memberId: payload.memberId, partitions: [...(payload.memberAssignment[args.topic] ?? [])].sort((a, b) => a - b) });
  });
  consumer.on(consumer.events.CRASH, ({ payload }) => say({ type: 'error', message: payload.error.message }));
  await consumer.connect();
  await consumer.subscribe({ topics: [args.topic], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ partition, message }) => {
      say({ type: 'record', partition, offset: Number(message.offset), value: message.value?.toString() ?? null });
    },
  });
}

const raw = process.argv[2];
if (raw === undefined) {
  process.stderr.write('usage: crashing-consumer.ts \'{"bootstrap":"127.0.0.1:9092","groupId":"g","topic":"t",...}\'\n');
  process.exit(2);
}
main(JSON.parse(raw) as CrashingConsumerArgs).catch((error: unknown) => {
  say({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
