import type { ApiHandler } from '../broker-context';

/** DescribeGroups (15): state strings are Kafka's ("Stable", "PreparingRebalance", ...). */
export const describeGroups: ApiHandler<15> = (broker, request) => ({
  groups: request.groups.map((groupId) => {
    const group = broker.groups.describeGroup(groupId);
    return {
      errorCode: group.errorCode,
      groupId: group.groupId,
      groupState: group.state,
      protocolType: group.protocolType,
      protocolData: group.protocolName,
      members: group.members.map((m) => ({
        memberId: m.memberId,
        groupInstanceId: m.groupInstanceId,
        clientId: m.clientId,
        clientHost: m.clientHost,
        memberMetadata: m.metadata,
        memberAssignment: m.assignment,
      })),
    };
  }),
});
