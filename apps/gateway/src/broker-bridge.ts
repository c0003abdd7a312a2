import type { Broker } from '@lanes/broker';
import type { StreamHub } from './stream/stream-hub';

/**
 * Forwards what only the embedded broker can tell (segments rolled and deleted, members expired) to
 * browsers, and asks for a topic refresh when the broker's own view of topics changed. With a real
 * cluster there is no such bridge and the dashboard does without.
 */
export function bridgeBrokerEvents(broker: Broker, hub: StreamHub, topicsChanged: () => void): () => void {
  const offs = [
    broker.events.on('segment:rolled', (e) => {
      hub.emit('broker:event', { kind: 'segment-rolled', topic: e.topic, partition: e.partition, baseOffset: e.baseOffset, at: Date.now() });
      topicsChanged();
    }),
    broker.events.on('segment:deleted', (e) => {
      hub.emit('broker:event', {
        kind: 'segment-deleted',
        topic: e.topic,
        partition: e.partition,
        baseOffset: e.baseOffset,
        endOffset: e.endOffset,
        reason: e.reason,
        logStartOffset: e.logStartOffset,
        at: Date.now(),
      });
      topicsChanged();
    }),
    broker.events.on('member:expired', (e) => {
      hub.emit('broker:event', { kind: 'member-expired', groupId: e.groupId, memberId: e.memberId, sessionTimeoutMs: e.sessionTimeoutMs, at: Date.now() });
    }),
    broker.events.on('topic:created', topicsChanged),
    broker.events.on('topic:deleted', topicsChanged),
    broker.events.on('partitions:added', topicsChanged),
  ];
  return () => offs.forEach((off) => off());
}
