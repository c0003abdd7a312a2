export { Reader } from './reader';
export { Writer, bytesLength, type Bytes } from './writer';
export { ProtocolError } from './protocol-error';
export { readInt16, readInt32 } from './big-endian';
