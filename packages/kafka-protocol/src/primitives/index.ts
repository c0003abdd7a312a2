export { Reader } from './reader';
export { Writer, bytesLength, type Bytes } from './writer';
export { ProtocolError } from './protocol-error';
