import { decodeRecordsBatch } from '@lanes/events';
import { groupActivity } from '../lanes/group-activity';
import { recordStream } from '../lanes/record-stream';
import { addTimeline, bounded, dashboardStore } from '../state/dashboard-store';
import { viewStore } from '../state/view-store';
import { CommitDigest } from './commit-digest';
import type { LanesSocket } from './socket';

/**
 * Feeds what the gateway streams into the page: a snapshot on every (re)connect resets everything
 * (so a lost connection can never leave the dashboard drawing a stale picture), then deltas.
 */
export function syncFromSocket(socket: LanesSocket): () => void {
  const set = dashboardStore.setState;

  socket.on('connect', () => set({ link: 'open' }));
  socket.on('disconnect', () => set({ link: 'lost' }));
  socket.io.on('reconnect_attempt', () => set({ link: 'lost' }));

  socket.on('snapshot', (snapshot) => {
    recordStream.reset(snapshot.recentRecords);
    groupActivity.reset();
    set({
      link: 'open',
      connection: snapshot.connection,
      topics: snapshot.topics,
      groups: Object.fromEntries(snapshot.groups.map((g) => [g.groupId, g])),
      loadGenerators: snapshot.loadGenerators,
      clockSkewMs: snapshot.serverTime - Date.now(),
    });
    const view = viewStore.getState();
    if (!view.topic || !snapshot.topics.some((t) => t.name === view.topic)) {
      viewStore.setState({ topic: snapshot.topics[0]?.name ?? null });
    }
  });

  socket.on('connection:state', (connection) => {
    const previous = dashboardStore.getState().connection;
    set({ connection });
    if (previous && previous.status !== connection.status) {
      addTimeline({ kind: connection.status === 'connected' ? 'notice' : 'error', text: `Kafka ${connection.status}${connection.error ? `: ${connection.error}` : ''}` });
    }
  });

  socket.on('topics:changed', (topics) => {
    const known = new Set(topics.map((t) => t.name));
    for (const topic of dashboardStore.getState().topics) if (!known.has(topic.name)) recordStream.forgetTopic(topic.name);
    set({ topics });
    const selected = viewStore.getState().topic;
    if (!selected || !known.has(selected)) viewStore.setState({ topic: topics[0]?.name ?? null });
  });

  socket.on('records:batch', (bytes, ack) => {
    recordStream.push(decodeRecordsBatch(bytes).records);
    ack();
  });
  socket.on('records:aggregate', (aggregate) => recordStream.pushAggregate(aggregate));

  socket.on('group:state', (group) => set((state) => ({ groups: { ...state.groups, [group.groupId]: group } })));
  socket.on('group:removed', ({ groupId }) => {
    groupActivity.forgetGroup(groupId);
    set((state) => {
      const { [groupId]: _removed, ...groups } = state.groups;
      return { groups };
    });
  });
  socket.on('group:rebalanced', (rebalance) => {
    set((state) => ({ rebalances: bounded(state.rebalances, rebalance, 50) }));
    const moved = rebalance.changes.filter((c) => c.lost.length || c.gained.length).length;
    addTimeline({ kind: 'rebalance', groupId: rebalance.groupId, text: `${rebalance.groupId}: generation ${rebalance.generation} (${rebalance.reason}), ${moved} member(s) changed, ${rebalance.durationMs} ms` });
  });
  socket.on('consumed:batch', (batch) => groupActivity.push(batch));
  // A group committing after every message commits hundreds of times a second: the timeline gets one
  // line per group every half second, with the latest offset per partition.
  const commits = new CommitDigest((groupId, text) => addTimeline({ kind: 'commit', groupId, text }));
  socket.on('offsets:committed', (commit) => commits.add(commit));
  socket.on('delivery:anomaly', (anomaly) => {
    set((state) => ({ anomalies: bounded(state.anomalies, anomaly) }));
    const range = anomaly.fromOffset === anomaly.toOffset ? `offset ${anomaly.fromOffset}` : `offsets ${anomaly.fromOffset}-${anomaly.toOffset}`;
    addTimeline({ kind: 'error', groupId: anomaly.groupId, topic: anomaly.topic, text: `${anomaly.groupId} ${anomaly.consumerId}: ${anomaly.kind} at p${anomaly.partition} ${range}` });
  });
  socket.on('ordering:violation', (violation) => {
    set((state) => ({ orderingViolations: bounded(state.orderingViolations, violation) }));
    addTimeline({ kind: 'error', groupId: violation.groupId, text: `${violation.groupId}: key '${violation.key}' processed out of produce order` });
  });
  socket.on('broker:event', (event) => {
    if (event.kind === 'member-expired') {
      addTimeline({ kind: 'consumer', groupId: event.groupId, text: `${event.groupId}: member ${event.memberId} expired after ${event.sessionTimeoutMs} ms without a heartbeat` });
    } else {
      const text =
        event.kind === 'segment-rolled'
          ? `${event.topic}-${event.partition}: new segment from offset ${event.baseOffset}`
          : `${event.topic}-${event.partition}: segment ${event.baseOffset}-${event.endOffset - 1} deleted (${event.reason}); log starts at ${event.logStartOffset}`;
      addTimeline({ kind: 'segment', topic: event.topic, text });
    }
  });
  socket.on('loadgen:state', (loadGenerators) => set({ loadGenerators }));
  socket.on('notice', (notice) => addTimeline({ kind: notice.level === 'error' ? 'error' : 'notice', text: notice.message, at: notice.at }));

  return () => {
    commits.close();
    socket.removeAllListeners();
  };
}
