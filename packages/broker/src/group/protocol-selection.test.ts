import { describe, expect, it } from 'vitest';
import { candidateProtocols, type ProtocolMetadata, sameProtocols, selectProtocol, supportsProtocols } from './protocol-selection';

const offer = (...names: string[]): ProtocolMetadata[] => names.map((name) => ({ name, metadata: Buffer.from(name) }));

describe('protocol selection', () => {
  it('keeps only protocols every member offers', () => {
    expect([...candidateProtocols([offer('range', 'roundrobin'), offer('roundrobin', 'sticky')])]).toEqual(['roundrobin']);
    expect(candidateProtocols([])).toEqual(new Set());
  });

  it('lets each member vote for its first candidate and picks the most votes', () => {
    // Members 1 and 3 prefer range; member 2 prefers roundrobin; sticky is not shared by all.
    expect(selectProtocol([offer('sticky', 'range', 'roundrobin'), offer('roundrobin', 'range'), offer('range', 'roundrobin')])).toBe('range');
    expect(selectProtocol([offer('range'), offer('roundrobin')])).toBeNull();
  });

  it('breaks a tie in favour of the protocol voted for first', () => {
    expect(selectProtocol([offer('roundrobin', 'range'), offer('range', 'roundrobin')])).toBe('roundrobin');
  });

  it('admits a joiner only with the group’s protocol type and a protocol everyone shares', () => {
    const members = [offer('range', 'roundrobin')];
    expect(supportsProtocols(null, [], 'consumer', offer('anything'))).toBe(true);
    expect(supportsProtocols('consumer', members, 'consumer', offer('roundrobin'))).toBe(true);
    expect(supportsProtocols('consumer', members, 'connect', offer('roundrobin'))).toBe(false);
    expect(supportsProtocols('consumer', members, 'consumer', offer('RoundRobinAssigner'))).toBe(false);
    expect(supportsProtocols(null, [], '', offer('range'))).toBe(false);
    expect(supportsProtocols(null, [], 'consumer', [])).toBe(false);
  });

  it('compares protocol lists by name, order and metadata bytes', () => {
    expect(sameProtocols(offer('range', 'roundrobin'), offer('range', 'roundrobin'))).toBe(true);
    expect(sameProtocols(offer('range', 'roundrobin'), offer('roundrobin', 'range'))).toBe(false);
    expect(sameProtocols(offer('range'), [{ name: 'range', metadata: Buffer.from('other') }])).toBe(false);
  });
});
