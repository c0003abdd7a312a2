import type { ProduceResult } from '@lanes/events';
import { partitionsForKeyByProfile, type PartitionStep } from '@lanes/partitioners';

/** One record the panel sent: where it went and why, as the gateway reported it. */
export interface SentRecord {
  id: number;
  topic: string;
  key: string | null;
  partition: number;
  /** null with acks=0: Kafka does not answer, so nobody knows the offset. */
  offset: number | null;
  profile: string;
  explanation: string;
  /** The topic's partition count when it was sent, to rebuild the steps table. */
  partitionCount: number;
  sentAt: number;
}

/** The results list keeps this many, newest first. */
export const SENT_LIMIT = 50;

export function toSentRecords(result: ProduceResult, topic: string, partitionCount: number, firstId: number): SentRecord[] {
  return result.records.map((record, index) => ({
    id: firstId + index,
    topic,
    key: record.key,
    partition: record.partition,
    offset: record.offset,
    profile: record.profile,
    explanation: record.explanation,
    partitionCount,
    sentAt: record.timestamp,
  }));
}

/** Newest first, at most `limit`. */
export function keepLatest(list: readonly SentRecord[], added: readonly SentRecord[], limit = SENT_LIMIT): SentRecord[] {
  return [...added].reverse().concat(list).slice(0, limit);
}

export function offsetLabel(offset: number | null): string {
  return offset === null ? 'offset unknown (acks=0: Kafka sends no answer)' : `offset ${offset}`;
}

/** "p1 @ 4", or "p1 @ ?" with acks=0. */
export function placeLabel(record: Pick<SentRecord, 'partition' | 'offset'>): string {
  return `p${record.partition} @ ${record.offset ?? '?'}`;
}

/**
 * The reasoning as a table. For a keyed record the profile's own steps are recomputed in the browser
 * (the same pure code the gateway ran), checked against where the record really went; otherwise
 * (explicit partition, keyless rules, value-based rules) the explanation's arrows become the rows.
 */
export function explanationSteps(record: SentRecord): PartitionStep[] {
  if (record.key !== null && !record.explanation.startsWith('explicit partition')) {
    try {
      const placement = partitionsForKeyByProfile(record.key, record.partitionCount).find((p) => p.profile === record.profile);
      if (placement && placement.partition === record.partition && placement.explanation === record.explanation) return [...placement.steps];
    } catch {
      // A key the partitioners refuse cannot have been sent by them; fall back to the arrows.
    }
  }
  const parts = record.explanation.split(' → ');
  return parts.map((part, index) => ({ label: index === 0 ? 'start' : index === parts.length - 1 ? 'result' : `step ${index}`, value: part }));
}

/** The timeline line for one send: "orders: 3 sent with kafkajs: u1 → p1@0, u2 → p0@0, u1 → p1@1". */
export function describeSend(records: readonly SentRecord[], topic: string): string {
  const shown = records.slice(0, 5).map((r) => `${r.key ?? '(no key)'} → p${r.partition}@${r.offset ?? '?'}`);
  const more = records.length > 5 ? `, … ${records.length - 5} more` : '';
  const profile = records[0]?.profile ?? '';
  return `${topic}: ${records.length} sent with ${profile}: ${shown.join(', ')}${more}`;
}
