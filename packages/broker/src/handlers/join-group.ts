import type { ApiHandler } from '../broker-context';

/** JoinGroup (11). v0 has no rebalance timeout (the session timeout serves); v4+ use KIP-394 member ids. */
export const joinGroup: ApiHandler<11> = async (broker, request, { header, clientHost }) => {
  const result = await broker.groups.joinGroup({
    groupId: request.groupId,
    memberId: request.memberId,
    groupInstanceId: request.groupInstanceId,
    sessionTimeoutMs: request.sessionTimeoutMs,
    rebalanceTimeoutMs: header.apiVersion === 0 ? request.sessionTimeoutMs : request.rebalanceTimeoutMs,
    protocolType: request.protocolType,
    protocols: request.protocols,
    clientId: header.clientId ?? '',
    clientHost,
    requireKnownMemberId: header.apiVersion >= 4,
  });
  // The protocol name only became nullable in v7 (KIP-559); older versions carry '' for "none yet".
  return { ...result, protocolName: result.protocolName ?? '' };
};
