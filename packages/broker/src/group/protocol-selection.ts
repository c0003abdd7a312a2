/** One entry of JoinGroup's `protocols`: an assignor name and the member's subscription bytes for it. */
export interface ProtocolMetadata {
  name: string;
  metadata: Buffer;
}

/** Protocol names that every one of these members supports (Kafka's GroupMetadata.candidateProtocols). */
export function candidateProtocols(members: readonly (readonly ProtocolMetadata[])[]): Set<string> {
  const [first, ...rest] = members;
  if (first === undefined) return new Set();
  const candidates = new Set(first.map((protocol) => protocol.name));
  for (const protocols of rest) {
    const names = new Set(protocols.map((protocol) => protocol.name));
    for (const name of candidates) if (!names.has(name)) candidates.delete(name);
  }
  return candidates;
}

/**
 * Kafka's GroupMetadata.selectProtocol: among the protocols every member supports, each member votes
 * for the first one in its own preference order, and the protocol with the most votes wins. Kafka
 * breaks ties by hash order; here a tie goes to the protocol that received a vote first, so the
 * choice is deterministic. Returns null when the members share no protocol.
 */
export function selectProtocol(members: readonly (readonly ProtocolMetadata[])[]): string | null {
  const candidates = candidateProtocols(members);
  const votes = new Map<string, number>();
  for (const protocols of members) {
    const vote = protocols.find((protocol) => candidates.has(protocol.name));
    if (vote !== undefined) votes.set(vote.name, (votes.get(vote.name) ?? 0) + 1);
  }
  let winner: string | null = null;
  let most = 0;
  for (const [name, count] of votes) {
    if (count > most) {
      winner = name;
      most = count;
    }
  }
  return winner;
}

/**
 * May a member join a group whose other members use `others`? Kafka's GroupMetadata.supportsProtocols:
 * an empty group takes any non-empty protocol type and list; otherwise the type must match and at
 * least one protocol must be supported by everyone. Unlike Kafka, a rejoining member's own previous
 * protocols are not counted, so a sole member may switch assignors without INCONSISTENT_GROUP_PROTOCOL.
 */
export function supportsProtocols(
  groupProtocolType: string | null,
  others: readonly (readonly ProtocolMetadata[])[],
  protocolType: string,
  protocols: readonly ProtocolMetadata[],
): boolean {
  if (protocolType === '' || protocols.length === 0) return false;
  if (others.length === 0) return true;
  if (groupProtocolType !== protocolType) return false;
  return candidateProtocols([...others, protocols]).size > 0;
}

/** True when both lists name the same protocols in the same order with identical metadata bytes. */
export function sameProtocols(a: readonly ProtocolMetadata[], b: readonly ProtocolMetadata[]): boolean {
  return (
    a.length === b.length &&
    a.every((protocol, index) => {
      const other = b[index];
      return other !== undefined && other.name === protocol.name && other.metadata.equals(protocol.metadata);
    })
  );
}
