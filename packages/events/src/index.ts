/**
 * @lanes/events: the contract between the Lanes gateway and the browser. zod schemas validate every
 * payload at the gateway's edge; the typed event maps keep socket.io server and client in step.
 */
export * from './result';
export * from './limits';
export * from './kafka-names';
export * from './commands';
export * from './views';
export * from './event-maps';
export * from './producer-lines';
export * from './records-codec';
