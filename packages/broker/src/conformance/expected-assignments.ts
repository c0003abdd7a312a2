/**
 * What librdkafka's eager assignors give each member when every member subscribes to the same single
 * topic. The group leader (a client) computes the assignment; the broker only picks the protocol all
 * members support and relays the leader's answer, so these are what a correct broker ends up with.
 * Members are sorted by member id with strcmp (rd_kafka_group_member_cmp), not by locale.
 */

function sortedMemberIds(memberIds: string[]): string[] {
  return [...memberIds].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * range (rdkafka_range_assignor.c, as Java's RangeAssignor): contiguous blocks in member order;
 * the first `partitionCount % members` members get one partition more.
 */
export function rangeAssignment(memberIds: string[], partitionCount: number): Map<string, number[]> {
  const members = sortedMemberIds(memberIds);
  const base = Math.floor(partitionCount / members.length);
  const extra = partitionCount % members.length;
  const result = new Map<string, number[]>();
  members.forEach((member, i) => {
    const start = base * i + Math.min(i, extra);
    const length = base + (i < extra ? 1 : 0);
    result.set(member, Array.from({ length }, (_, k) => start + k));
  });
  return result;
}

/** roundrobin (rdkafka_roundrobin_assignor.c): partition p goes to the (p % members)-th member. */
export function roundRobinAssignment(memberIds: string[], partitionCount: number): Map<string, number[]> {
  const members = sortedMemberIds(memberIds);
  const result = new Map<string, number[]>(members.map((member) => [member, []]));
  for (let partition = 0; partition < partitionCount; partition++) {
    result.get(members[partition % members.length] ?? '')?.push(partition);
  }
  return result;
}
