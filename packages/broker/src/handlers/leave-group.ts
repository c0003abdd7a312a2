import type { ApiHandler } from '../broker-context';

/**
 * LeaveGroup (13). v0-2 name one member at the top level and have no per-member errors, so that
 * member's error becomes the answer's (as Kafka's LeaveGroupResponse does for old versions).
 */
export const leaveGroup: ApiHandler<13> = (broker, request, { header }) => {
  const members = header.apiVersion < 3 ? [{ memberId: request.memberId, groupInstanceId: null }] : request.members;
  const result = broker.groups.leaveGroup({ groupId: request.groupId, members });
  const errorCode = header.apiVersion < 3 && result.errorCode === 0 ? (result.members[0]?.errorCode ?? 0) : result.errorCode;
  return { errorCode, members: result.members };
};
