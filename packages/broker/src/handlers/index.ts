import type { RequestByKey } from '@lanes/kafka-protocol';
import type { ApiHandler } from '../broker-context';
import { apiVersions } from './api-versions';
import { createPartitions } from './create-partitions';
import { createTopics } from './create-topics';
import { deleteGroups } from './delete-groups';
import { deleteTopics } from './delete-topics';
import { describeConfigs } from './describe-configs';
import { describeGroups } from './describe-groups';
import { fetch } from './fetch';
import { findCoordinator } from './find-coordinator';
import { heartbeat } from './heartbeat';
import { initProducerId } from './init-producer-id';
import { joinGroup } from './join-group';
import { leaveGroup } from './leave-group';
import { listGroups } from './list-groups';
import { listOffsets } from './list-offsets';
import { metadata } from './metadata';
import { offsetCommit } from './offset-commit';
import { offsetFetch } from './offset-fetch';
import { produce } from './produce';
import { syncGroup } from './sync-group';

/** One handler per API key; the compiler checks each against its request and response types. */
export const handlers: { [K in keyof RequestByKey]: ApiHandler<K> } = {
  0: produce,
  1: fetch,
  2: listOffsets,
  3: metadata,
  8: offsetCommit,
  9: offsetFetch,
  10: findCoordinator,
  11: joinGroup,
  12: heartbeat,
  13: leaveGroup,
  14: syncGroup,
  15: describeGroups,
  16: listGroups,
  18: apiVersions,
  19: createTopics,
  20: deleteTopics,
  22: initProducerId,
  32: describeConfigs,
  37: createPartitions,
  42: deleteGroups,
};
