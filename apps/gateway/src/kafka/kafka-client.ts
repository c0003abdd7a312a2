import { Kafka, logLevel as KafkaLogLevel, type KafkaConfig } from 'kafkajs';
import type { GatewayConfig } from '../config';

const levels = { silent: KafkaLogLevel.NOTHING, error: KafkaLogLevel.ERROR, info: KafkaLogLevel.ERROR, debug: KafkaLogLevel.INFO } as const;

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
