import type { Kafka, Message, Producer } from 'kafkajs';
import { CompressionTypes } from 'kafkajs';
import type { ProduceCommandParsed, ProduceResult } from '@lanes/events';
import { PartitioningError, choosePartition, createProfileState, isProfileId, PROFILE_IDS, type ProfileId, type ProfileState } from '@lanes/partitioners';
import { CommandFailure, kafkaFailure } from '../command-failure';
import { PRODUCER_HEADER } from './record-view';
import { isStaleTopicError } from './stale-topic';
import type { RecentKeys } from './recent-keys';
import type { TopicService } from './topic-service';

export interface PlacedMessage {
  key: string | null;
  value: string;
  partition: number;
  explanation: string;
  headers?: Record<string, string>;
  timestamp: number;
}

/**
 * Produces through kafkajs. Lanes chooses each record's partition itself with the profile the person
 * picked (@lanes/partitioners: the same code the dashboard uses to predict it) and hands kafkajs that
 * partition explicitly, so what the dashboard explains is exactly what happened.
 */
export class ProducerService {
  private producer: Producer | null = null;
  private connecting: Promise<Producer> | null = null;
  private readonly states = new Map<string, ProfileState>();

  constructor(
    private readonly kafka: Kafka,
    private readonly topics: TopicService,
    private readonly recentKeys: RecentKeys,
  ) {}

  async produce(command: ProduceCommandParsed, producerLabel = 'panel'): Promise<ProduceResult> {
    const profile = checkProfile(command.profile);
    const partitionCount = await this.topics.partitionCount(command.topic);
    const placed = this.place(command.topic, profile, partitionCount, command.messages);
    const offsets = await this.send(command.topic, placed, command.acks, producerLabel);
    for (const message of placed) if (message.key !== null) this.recentKeys.remember(command.topic, message.key, profile);
    return {
      records: placed.map((message, index) => ({
        key: message.key,
        partition: message.partition,
        offset: offsets[index] ?? null,
        timestamp: message.timestamp,
        profile,
        explanation: message.explanation,
      })),
    };
  }

  /** Chooses partitions; a message the profile cannot place fails the whole command, naming it. */
  place(topic: string, profile: ProfileId, partitionCount: number, messages: ProduceCommandParsed['messages']): PlacedMessage[] {
    const state = this.stateFor(topic, profile);
    const now = Date.now();
    return messages.map((message, index) => {
      try {
        const choice = choosePartition(profile, { key: message.key, value: message.value, timestamp: now, partitionCount, explicitPartition: message.partition ?? null }, state);
        const placed: PlacedMessage = { key: message.key, value: message.value, partition: choice.partition, explanation: choice.explanation, timestamp: now };
        if (message.headers) placed.headers = message.headers;
        return placed;
      } catch (error) {
        if (error instanceof PartitioningError) {
          const field = message.partition !== undefined && message.partition !== null ? `messages.${index}.partition` : `messages.${index}.key`;
          throw new CommandFailure('invalid_input', `Message ${index + 1}: ${error.message}`, field);
        }
        throw error;
      }
    });
  }

  /** Sends placed messages and returns each one's offset (null with acks=0: Kafka does not answer). */
  async send(topic: string, placed: PlacedMessage[], acks: 0 | 1 | -1, producerLabel: string): Promise<(number | null)[]> {
    const producer = await this.connected();
    const messages: Message[] = placed.map((m) => ({
      key: m.key,
      value: m.value,
      partition: m.partition,
      timestamp: String(m.timestamp),
      headers: { ...m.headers, [PRODUCER_HEADER]: producerLabel },
    }));
    let metadata;
    try {
      metadata = await this.sendOnce(producer, topic, acks, messages);
    } catch (error) {
      throw kafkaFailure(`produce to '${topic}'`, error);
    }
    if (acks === 0) return placed.map(() => null);
    // kafkajs sends one batch per partition, in message order: the k-th message of a partition
    // sits at that batch's base offset + k.
    const base = new Map(metadata.map((m) => [m.partition, Number(m.baseOffset)]));
    const seen = new Map<number, number>();
    return placed.map((m) => {
      const k = seen.get(m.partition) ?? 0;
      seen.set(m.partition, k + 1);
      const offset = base.get(m.partition);
      return offset === undefined ? null : offset + k;
    });
  }

  /** Sends, replacing a producer whose metadata a deleted topic has poisoned (stale-topic.ts) once. */
  private async sendOnce(producer: Producer, topic: string, acks: 0 | 1 | -1, messages: Message[]) {
    try {
      return await producer.send({ topic, acks, messages, compression: CompressionTypes.None });
    } catch (error) {
      if (!isStaleTopicError(error)) throw error;
      await this.replaceProducer();
      return (await this.connected()).send({ topic, acks, messages, compression: CompressionTypes.None });
    }
  }

  /** A deleted topic would poison this producer's metadata: start a fresh one. */
  forgetTopic(topic: string): void {
    for (const key of this.states.keys()) if (key.startsWith(`${topic}\u0000`)) this.states.delete(key);
    void this.replaceProducer();
  }

  private async replaceProducer(): Promise<void> {
    const stale = this.producer;
    this.producer = null;
    this.connecting = null;
    await stale?.disconnect().catch(() => {});
  }

  private stateFor(topic: string, profile: ProfileId): ProfileState {
    const key = `${topic}\u0000${profile}`;
    let state = this.states.get(key);
    if (!state) {
      state = createProfileState(profile);
      this.states.set(key, state);
    }
    return state;
  }

  private connected(): Promise<Producer> {
    if (this.producer) return Promise.resolve(this.producer);
    this.connecting ??= (async () => {
      const producer = this.kafka.producer({ allowAutoTopicCreation: false, retry: { retries: 2 } });
      try {
        await producer.connect();
      } catch (error) {
        this.connecting = null;
        throw kafkaFailure('connect the producer', error);
      }
      producer.on(producer.events.DISCONNECT, () => {
        if (this.producer !== producer) return;
        this.producer = null;
        this.connecting = null;
      });
      this.producer = producer;
      return producer;
    })();
    return this.connecting;
  }

  async close(): Promise<void> {
    await this.producer?.disconnect().catch(() => {});
  }
}

export function checkProfile(profile: string): ProfileId {
  if (!isProfileId(profile)) throw new CommandFailure('invalid_input', `Unknown partitioner profile '${profile}'. Choose one of: ${PROFILE_IDS.join(', ')}.`, 'profile');
  return profile;
}
