/**
 * The four real clients we record, how to find their versions, how to drive a session, and
 * which APIs a session must have used for the capture to count as complete.
 */
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { driveKafkajs } from './drive-kafkajs';
import { driveKcat } from './drive-kcat';
import { runProcess } from './run-process';
import type { SessionNames } from './session-names';

export interface ClientSession {
  client: string;
  version(): Promise<string>;
  drive(bootstrap: string, names: SessionNames): Promise<void>;
  /** API keys the session must send, so a silently broken driver cannot pass as a capture. */
  requiredApiKeys: readonly number[];
}

/** Debian's python3-kafka and python3-confluent-kafka live in the system Python, not pyenv's. */
export const PYTHON = process.env.GOLDEN_PYTHON ?? '/usr/bin/python3';

const API = {
  Produce: 0, Fetch: 1, ListOffsets: 2, Metadata: 3, OffsetCommit: 8, OffsetFetch: 9, FindCoordinator: 10,
  JoinGroup: 11, Heartbeat: 12, LeaveGroup: 13, SyncGroup: 14, ApiVersions: 18, InitProducerId: 22,
} as const;

const GROUP_SESSION = [
  API.ApiVersions, API.Metadata, API.Produce, API.Fetch, API.ListOffsets, API.FindCoordinator, API.JoinGroup,
  API.SyncGroup, API.Heartbeat, API.LeaveGroup, API.OffsetCommit, API.OffsetFetch,
];

function pythonDriver(script: string) {
  const path = fileURLToPath(new URL(script, import.meta.url));
  return async (bootstrap: string, { topic, group }: SessionNames): Promise<void> => {
    await runProcess(PYTHON, [path, bootstrap, topic, group]);
  };
}

async function pythonExpression(expression: string): Promise<string> {
  return (await runProcess(PYTHON, ['-c', `print(${expression})`])).trim();
}

export const CLIENT_SESSIONS: readonly ClientSession[] = [
  {
    client: 'kafkajs',
    version: async () => (createRequire(import.meta.url)('kafkajs/package.json') as { version: string }).version,
    drive: driveKafkajs,
    requiredApiKeys: [...GROUP_SESSION, API.InitProducerId],
  },
  {
    client: 'kcat',
    // `kcat -V` prints "Version 1.7.1 (JSON, ..., librdkafka 2.0.2 builtin.features=...)".
    version: async () => {
      const banner = await runProcess('kcat', ['-V']);
      const kcat = /Version (\S+)/.exec(banner)?.[1] ?? 'unknown';
      const librdkafka = /librdkafka (\S+)/.exec(banner)?.[1] ?? 'unknown';
      return `${kcat} (librdkafka ${librdkafka})`;
    },
    drive: driveKcat,
    requiredApiKeys: GROUP_SESSION,
  },
  {
    client: 'kafka-python',
    version: () => pythonExpression('__import__("kafka").__version__'),
    drive: pythonDriver('./drive-kafka-python.py'),
    requiredApiKeys: GROUP_SESSION,
  },
  {
    client: 'confluent-kafka',
    version: () =>
      pythonExpression('"%s (librdkafka %s)" % (__import__("confluent_kafka").version()[0], __import__("confluent_kafka").libversion()[0])'),
    drive: pythonDriver('./drive-confluent-kafka.py'),
    requiredApiKeys: [...GROUP_SESSION, API.InitProducerId],
  },
];
