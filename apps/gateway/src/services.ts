import type { Admin, Kafka } from 'kafkajs';
import type { Broker } from '@lanes/broker';
import type { ConnectionView, Snapshot, TopicView } from '@lanes/events';
import type { GatewayConfig } from './config';
import type { ExternalGroups } from './external/external-groups';
import type { ManagedGroups } from './groups/managed-groups';
import type { ConnectionMonitor } from './kafka/connection-monitor';
import type { ProducerService } from './kafka/producer-service';
import type { RecentKeys } from './kafka/recent-keys';
import type { Tap } from './kafka/tap';
import type { TopicService } from './kafka/topic-service';
import type { LoadGenerators } from './load/load-generators';
import type { StreamHub } from './stream/stream-hub';

/** The gateway's parts, wired once in gateway.ts and handed to every command. */
export interface GatewayServices {
  readonly config: GatewayConfig;
  readonly mode: 'embedded' | 'external';
  readonly bootstrap: string;
  readonly broker: Broker | null;
  readonly kafka: Kafka;
  readonly admin: Admin;
  readonly connection: ConnectionMonitor;
  readonly hub: StreamHub;
  readonly topics: TopicService;
  readonly producer: ProducerService;
  readonly recentKeys: RecentKeys;
  readonly tap: Tap;
  readonly groups: ManagedGroups;
  readonly externalGroups: ExternalGroups;
  readonly load: LoadGenerators;
  /** True when the gateway listens beyond loopback, where changes need the presenter token. */
  readonly tokenRequired: boolean;
  connectionView(canControl: boolean): ConnectionView;
  /** The last topic list sent to browsers (refreshed on changes and every few seconds). */
  topicViews(): TopicView[];
  /** Re-reads topics from Kafka now and tells every browser. */
  refreshTopics(): Promise<TopicView[]>;
  snapshot(canControl: boolean): Snapshot;
  log(message: string): void;
}
