/**
 * What every assignor takes and returns, and the one place that input is checked. Assignors run on a
 * group leader with data that came off the wire from other clients, so bad input must produce a
 * clear error, never a crash or a silently wrong plan.
 */

export interface TopicPartition {
  topic: string;
  partition: number;
}

export interface AssignorMember {
  memberId: string;
  /** Topics this member subscribes to. */
  topics: string[];
  /** KIP-345 static membership id. Java sorts members by it when both compared members have one. */
  groupInstanceId?: string;
  /** Partitions the member owned before this rebalance. Only the sticky assignor reads it. */
  previous?: TopicPartition[];
  /** Generation in which `previous` was owned; a newer claim on a partition beats an older one (sticky). */
  generation?: number;
}

export interface AssignmentInput {
  members: AssignorMember[];
  /** Partition count of each topic the leader has metadata for; subscribed topics missing here are skipped, as in Java. */
  partitionsPerTopic: Record<string, number>;
}

/** Partitions per member id. Every member appears, idle members with an empty list. */
export type Assignment = Record<string, TopicPartition[]>;

export class AssignorInputError extends Error {
  override readonly name = 'AssignorInputError';
}

/** A member after validation, with its subscription as a set. */
export interface CheckedMember {
  memberId: string;
  groupInstanceId: string | undefined;
  topics: ReadonlySet<string>;
  previous: TopicPartition[];
  generation: number | undefined;
}

export interface CheckedInput {
  /** Sorted as Java's AbstractPartitionAssignor.MemberInfo sorts them. */
  members: CheckedMember[];
  /** Partition counts of subscribed topics that have metadata, keyed by topic, in topic order. */
  partitionCounts: Map<string, number>;
}

/**
 * Validates the input and puts members in Java's order. Previous partitions that no longer exist are
 * dropped here (Java trusts them; a dashboard topic can be deleted and recreated smaller).
 */
export function checkAssignmentInput(input: AssignmentInput): CheckedInput {
  if (typeof input !== 'object' || input === null) throw new AssignorInputError('Assignment input must be an object with members and partitionsPerTopic.');
  if (!Array.isArray(input.members)) throw new AssignorInputError('members must be an array of { memberId, topics }.');
  const known = readPartitionCounts(input.partitionsPerTopic);
  const seen = new Set<string>();
  const members = input.members.map((member, index) => {
    const checked = checkMember(member, index, known);
    if (seen.has(checked.memberId)) throw new AssignorInputError(`Member id "${checked.memberId}" appears twice; member ids must be unique.`);
    seen.add(checked.memberId);
    return checked;
  });
  members.sort(compareMembers);
  const subscribed = new Set(members.flatMap((member) => [...member.topics]));
  const partitionCounts = new Map([...known].filter(([topic]) => subscribed.has(topic)).sort(([a], [b]) => compareStrings(a, b)));
  return { members, partitionCounts };
}

function readPartitionCounts(partitionsPerTopic: unknown): Map<string, number> {
  if (typeof partitionsPerTopic !== 'object' || partitionsPerTopic === null || Array.isArray(partitionsPerTopic)) {
    throw new AssignorInputError('partitionsPerTopic must be an object mapping topic name to partition count.');
  }
  const counts = new Map<string, number>();
  for (const [topic, count] of Object.entries(partitionsPerTopic)) {
    if (!Number.isSafeInteger(count) || (count as number) < 0) {
      throw new AssignorInputError(`Partition count of topic "${topic}" must be a whole number of at least 0, got ${String(count)}.`);
    }
    counts.set(topic, count as number);
  }
  return counts;
}

function checkMember(member: AssignorMember, index: number, known: Map<string, number>): CheckedMember {
  if (typeof member !== 'object' || member === null) throw new AssignorInputError(`members[${index}] must be an object with memberId and topics.`);
  const { memberId, topics, groupInstanceId, previous = [], generation } = member;
  if (typeof memberId !== 'string' || memberId === '') throw new AssignorInputError(`members[${index}].memberId must be a non-empty string.`);
  if (!Array.isArray(topics) || topics.some((topic) => typeof topic !== 'string')) {
    throw new AssignorInputError(`Member "${memberId}": topics must be an array of topic names.`);
  }
  if (groupInstanceId !== undefined && typeof groupInstanceId !== 'string') {
    throw new AssignorInputError(`Member "${memberId}": groupInstanceId must be a string when given.`);
  }
  if (generation !== undefined && !Number.isSafeInteger(generation)) {
    throw new AssignorInputError(`Member "${memberId}": generation must be a whole number when given, got ${String(generation)}.`);
  }
  if (!Array.isArray(previous)) throw new AssignorInputError(`Member "${memberId}": previous must be an array of { topic, partition }.`);
  const claimed = new Set<string>();
  const stillExisting: TopicPartition[] = [];
  for (const owned of previous) {
    if (typeof owned?.topic !== 'string' || !Number.isSafeInteger(owned.partition) || owned.partition < 0) {
      throw new AssignorInputError(`Member "${memberId}": each previous partition must be { topic: string, partition: whole number >= 0 }.`);
    }
    const key = partitionKey(owned);
    const count = known.get(owned.topic);
    if (claimed.has(key) || count === undefined || owned.partition >= count) continue;
    claimed.add(key);
    stillExisting.push({ topic: owned.topic, partition: owned.partition });
  }
  return { memberId, groupInstanceId, topics: new Set(topics), previous: stillExisting, generation };
}

/**
 * Java's MemberInfo.compareTo: by group instance id when both have one, members with one first, else
 * by member id. Java compares UTF-16 code units, as JS relational operators do (not localeCompare).
 */
export function compareMembers(a: Pick<CheckedMember, 'memberId' | 'groupInstanceId'>, b: Pick<CheckedMember, 'memberId' | 'groupInstanceId'>): number {
  if (a.groupInstanceId !== undefined && b.groupInstanceId !== undefined) return compareStrings(a.groupInstanceId, b.groupInstanceId);
  if (a.groupInstanceId !== undefined) return -1;
  if (b.groupInstanceId !== undefined) return 1;
  return compareStrings(a.memberId, b.memberId);
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Topic, then partition: the order Kafka's assignors walk partitions in. */
export function compareTopicPartitions(a: TopicPartition, b: TopicPartition): number {
  return compareStrings(a.topic, b.topic) || a.partition - b.partition;
}

export function partitionKey({ topic, partition }: TopicPartition): string {
  return `${topic}\u0000${partition}`;
}

/** Builds the result object; Object.fromEntries keeps a member id like "__proto__" an ordinary key. */
export function toAssignment(byMember: Map<string, TopicPartition[]>): Assignment {
  return Object.fromEntries([...byMember].map(([memberId, partitions]) => [memberId, [...partitions].sort(compareTopicPartitions)]));
}
