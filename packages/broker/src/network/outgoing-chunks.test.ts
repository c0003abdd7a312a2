import { describe, expect, it } from 'vitest';
import { OutgoingChunks } from './outgoing-chunks';

describe('OutgoingChunks', () => {
  it('joins pieces that follow each other in the same memory, without copying them', () => {
    const memory = Buffer.from('abcdefghij');
    const outgoing = new OutgoingChunks();
    outgoing.add(memory.subarray(0, 3));
    outgoing.add(memory.subarray(3, 4));
    outgoing.add(memory.subarray(4, 8));
    const { chunks } = outgoing.take();
    expect(chunks.map(String)).toEqual(['abcdefgh']);
    memory[0] = 'A'.charCodeAt(0);
    expect(String(chunks[0])).toBe('Abcdefgh');
  });

  it('keeps pieces apart, in order, when they are not next to each other', () => {
    const memory = Buffer.from('abcdefghij');
    const other = Buffer.from('XYZ');
    const outgoing = new OutgoingChunks();
    outgoing.add(memory.subarray(0, 2));
    outgoing.add(other);
    outgoing.add(memory.subarray(2, 4));
    outgoing.add(memory.subarray(6, 8));
    outgoing.add(Buffer.alloc(0));
    outgoing.add(memory.subarray(8, 10));
    expect(outgoing.take().chunks.map(String)).toEqual(['ab', 'XYZ', 'cd', 'ghij']);
    expect(outgoing.take().chunks).toEqual([]);
  });

  it('runs every callback once, after the take, and starts afresh', () => {
    const ran: string[] = [];
    const outgoing = new OutgoingChunks();
    outgoing.add(Buffer.from('a'));
    outgoing.afterWrite(() => ran.push('first'));
    outgoing.afterWrite(() => ran.push('second'));
    const { written } = outgoing.take();
    expect(ran).toEqual([]);
    written!();
    expect(ran).toEqual(['first', 'second']);
    expect(outgoing.take().written).toBeUndefined();
  });
});
