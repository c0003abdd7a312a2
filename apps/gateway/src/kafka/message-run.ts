import type { KafkaMessage } from 'kafkajs';
import type { RecordView } from '@lanes/events';
import type { RecordRun } from '../stream/record-run';
import { toRecordView } from './record-view';

/** kafkajs messages of one partition as a RecordRun: each becomes a RecordView when first asked for. */
export function messageRun(topic: string, partition: number, messages: readonly KafkaMessage[]): RecordRun {
  const made: (RecordView | undefined)[] = [];
  return {
    topic,
    partition,
    length: messages.length,
    offsetAt: (index) => Number(messages[index]!.offset),
    views(start, end) {
      const views: RecordView[] = [];
      for (let index = start; index < end; index++) views.push((made[index] ??= toRecordView(topic, partition, messages[index]!)));
      return views;
    },
  };
}
