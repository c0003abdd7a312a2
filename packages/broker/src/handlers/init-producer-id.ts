import { ErrorCode } from '@lanes/kafka-protocol';
import type { ApiHandler } from '../broker-context';

/** InitProducerId (22): ids for idempotent producers. Transactions are not supported. */
export const initProducerId: ApiHandler<22> = (broker, request, { header }) => {
  if (request.transactionalId !== null) {
    broker.log(`refused InitProducerId for transactional id ${JSON.stringify(request.transactionalId)} from ${JSON.stringify(header.clientId)}: transactions are not supported`);
    return { errorCode: ErrorCode.INVALID_REQUEST, producerId: -1, producerEpoch: -1 };
  }
  return { errorCode: ErrorCode.NONE, ...broker.producers.initProducerId({ producerId: request.producerId, producerEpoch: request.producerEpoch }) };
};
