import type { CommandName, CommandPayload, CommandResults } from '@lanes/events';
import { CommandFailure } from '../command-failure';
import type { GatewayServices } from '../services';
import { partitionForKey } from './partition-for-key';
import type { Session } from './session';

type Handler<C extends CommandName> = (services: GatewayServices, payload: CommandPayload<C>, session: Session) => Promise<CommandResults[C]>;

/**
 * What each command does. Payloads arrive validated (see run-command.ts); anything a person can get
 * wrong beyond the schema throws CommandFailure with words that say what to do.
 */
export const commandHandlers: { [C in CommandName]: Handler<C> } = {
  'topic:create': async (s, payload) => {
    const topic = await s.topics.create(payload);
    await s.tap.watch(payload.name, 'beginning');
    await s.refreshTopics();
    return s.topicViews().find((t) => t.name === topic.name) ?? topic;
  },
  'topic:delete': async (s, { name }) => {
    await s.tap.forget(name);
    await s.topics.delete(name);
    s.producer.forgetTopic(name);
    s.recentKeys.forget(name);
    s.hub.recent.forgetTopic(name);
    await s.refreshTopics();
    return { name };
  },
  'topic:watch': async (s, { topic, from }) => {
    await s.topics.partitionCount(topic, { refresh: true });
    await s.tap.watch(topic, from);
    await s.refreshTopics();
    return s.topics.get(topic);
  },
  'topic:unwatch': async (s, { name }) => {
    await s.tap.unwatch(name);
    await s.refreshTopics();
    return { name };
  },
  'partitions:add': async (s, { name, partitions }) => {
    const before = await s.topics.partitionCount(name, { refresh: true });
    const topic = await s.topics.addPartitions(name, partitions);
    await s.tap.refresh();
    await s.refreshTopics();
    const movedKeys = s.recentKeys.keys(name).flatMap(({ key, profile }) => {
      const from = partitionForKey(key, before, profile);
      const to = partitionForKey(key, partitions, profile);
      return from !== null && to !== null && from !== to ? [{ key, from, to }] : [];
    });
    const recent = s.recentKeys.keys(name);
    return { topic, movedKeys, keysChecked: recent.length, profile: recent[0]?.profile ?? 'kafkajs' };
  },
  'records:produce': async (s, payload) => s.producer.produce(payload, 'panel'),
  'loadgen:start': async (s, payload) => s.load.start(payload),
  'loadgen:stop': async (s, { id }) => ({ stopped: s.load.stop(id) }),
  'group:create': async (s, payload) => {
    if (s.externalGroups.views().some((g) => g.groupId === payload.groupId)) {
      throw new CommandFailure('conflict', `Group '${payload.groupId}' already exists in Kafka and is not run by Lanes. Pick another id.`, 'groupId');
    }
    for (const topic of payload.topics) await s.topics.partitionCount(topic);
    return s.groups.create(payload);
  },
  'group:delete': async (s, { groupId }) => {
    await s.groups.delete(groupId);
    return { groupId };
  },
  'group:seek': async (s, { groupId, to }) => s.groups.seek(groupId, to),
  'consumer:add': async (s, { groupId }) => s.groups.addConsumer(groupId),
  'consumer:remove': async (s, { groupId, consumerId }) => {
    await s.groups.removeConsumer(groupId, consumerId);
    return { consumerId };
  },
  'consumer:crash': async (s, { groupId, consumerId }) => s.groups.crashConsumer(groupId, consumerId),
  'consumer:pause': async (s, { groupId, consumerId }) => {
    await s.groups.pauseConsumer(groupId, consumerId);
    return { consumerId };
  },
  'consumer:resume': async (s, { groupId, consumerId }) => {
    await s.groups.resumeConsumer(groupId, consumerId);
    return { consumerId };
  },
  'consumer:delay': async (s, { groupId, consumerId, delayMs }) => {
    s.groups.setDelay(groupId, consumerId, delayMs);
    return { consumerId, delayMs };
  },
  'session:auth': async (_s, { token }, session) => {
    if (!session.grant(token)) throw new CommandFailure('forbidden', 'That presenter token is not right. Ask the presenter for the link with the token.', 'token');
    return { canControl: true };
  },
  'snapshot:request': async (s, _payload, session) => s.snapshot(session.canControl),
};
