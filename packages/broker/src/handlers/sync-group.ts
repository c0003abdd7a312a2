import type { ApiHandler } from '../broker-context';

/** SyncGroup (14): followers wait here until the leader's assignment arrives. */
export const syncGroup: ApiHandler<14> = async (broker, request) => broker.groups.syncGroup(request);
