import type { KafkaMessage } from 'kafkajs';
import type { RecordView } from '@lanes/events';
import type { RecordRun } from '../stream/record-run';
import { recordExtras, toRecordView } from './record-view';

/**
 * kafkajs messages of one partition as a RecordRun: each becomes a RecordView when first asked for,
 * and goes to browsers as the bytes kafkajs read, never as a view.
 */
export function messageRun(topic: string, partition: number, messages: readonly KafkaMessage[]): RecordRun {
  // Sized up front: the recent-records tail asks for the last views first, and writing far past the
  // end of an empty array would make V8 store it as a slow dictionary.
  const made: (RecordView | undefined)[] = new Array<RecordView | undefined>(messages.length);
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
    write(start, end, writer) {
      writer.beginRun(topic, partition);
      for (let index = start; index < end; index++) {
        const message = messages[index]!;
        writer.add(Number(message.offset), Number(message.timestamp), message.key ?? null, message.value, message.headers ? recordExtras(message.headers) : undefined);
      }
    },
  };
}
