import type { ApiHandler } from '../broker-context';

/** DeleteGroups (42): only groups without members; NON_EMPTY_GROUP otherwise. */
export const deleteGroups: ApiHandler<42> = (broker, request) => ({ results: broker.groups.deleteGroups(request.groupsNames) });
