import type { ApiHandler } from '../broker-context';

/** Heartbeat (12): REBALANCE_IN_PROGRESS here is how members learn to rejoin. */
export const heartbeat: ApiHandler<12> = (broker, request) => broker.groups.heartbeat(request);
