import type { ApiHandler } from '../broker-context';

/** ListGroups (16). */
export const listGroups: ApiHandler<16> = (broker) => ({
  errorCode: 0,
  groups: broker.groups.listGroups().map((g) => ({ groupId: g.groupId, protocolType: g.protocolType, groupState: g.state })),
});
