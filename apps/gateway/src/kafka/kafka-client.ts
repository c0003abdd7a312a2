import { Kafka, logLevel as KafkaLogLevel, type KafkaConfig } from 'kafkajs';
import type { GatewayConfig } from '../config';

// kafkajs logs every rebalance a group goes through as errors ("Response Heartbeat ... The group is
// rebalancing"): normal events in Lanes, which shows them on the dashboard. Its own log is only
// for debugging; the gateway reports what matters itself.
const levels = { silent: KafkaLogLevel.NOTHING, error: KafkaLogLevel.NOTHING, info: KafkaLogLevel.NOTHING, debug: KafkaLogLevel.INFO } as const;

/**
 * One kafkajs client for everything the gateway does. Retries are short so that an outage shows on
 * the dashboard within seconds; the gateway itself retries forever (see ConnectionMonitor).
 */
export function createKafka(brokers: string[], config: Pick<GatewayConfig, 'logLevel'>, overrides: Partial<KafkaConfig> = {}): Kafka {
  return new Kafka({
    clientId: 'lanes-gateway',
    brokers,
    logLevel: levels[config.logLevel],
    connectionTimeout: 3000,
    requestTimeout: 10_000,
    retry: { initialRetryTime: 200, maxRetryTime: 2000, retries: 3 },
    ...overrides,
  });
}
