import { randomUUID } from 'node:crypto';

/**
 * A member id the way Kafka's GroupCoordinator makes one: `${clientId}-${UUID}`. The client id
 * prefix lets operators (and the Lanes dashboard) tell members apart at a glance.
 */
export function newMemberId(clientId: string): string {
  return `${clientId}-${randomUUID()}`;
}
