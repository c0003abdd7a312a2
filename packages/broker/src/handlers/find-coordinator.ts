import { ErrorCode } from '@lanes/kafka-protocol';
import type { ApiHandler } from '../broker-context';

/** FindCoordinator (10): this broker coordinates every group (key type 0) and nothing else. */
export const findCoordinator: ApiHandler<10> = (broker, request) => {
  if (request.keyType !== 0) {
    return {
      errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE,
      errorMessage: 'The embedded broker has no transaction coordinator: transactions are not supported.',
      nodeId: -1,
      host: '',
      port: -1,
    };
  }
  return { errorCode: ErrorCode.NONE, errorMessage: null, nodeId: broker.options.nodeId, host: broker.advertised.host, port: broker.advertised.port };
};
