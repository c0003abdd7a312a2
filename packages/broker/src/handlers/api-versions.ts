import type { ApiHandler } from '../broker-context';
import { advertisedApiKeys } from '../supported-apis';

/** ApiVersions (18): the table clients negotiate against (broker-notes "Versions to advertise"). */
export const apiVersions: ApiHandler<18> = () => ({ errorCode: 0, apiKeys: advertisedApiKeys(), throttleTimeMs: 0 });
