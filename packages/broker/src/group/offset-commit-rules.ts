import { ErrorCode } from '@lanes/kafka-protocol';
import type { Group } from './group';

/**
 * Who may commit offsets to a group (Kafka's GroupCoordinator.validateOffsetCommit, pitfall 9):
 * a member of the current generation, or, while the group has no members, a client that assigns
 * partitions itself and commits with generation -1 and member id ''. Returns NONE when allowed.
 */
export function offsetCommitError(group: Group, generationId: number, memberId: string): number {
  if (generationId >= 0 || memberId !== '') {
    if (!group.members.has(memberId)) return ErrorCode.UNKNOWN_MEMBER_ID;
    if (generationId !== group.generationId) return ErrorCode.ILLEGAL_GENERATION;
  } else if (group.state !== 'Empty') {
    // While the group has members, only they may commit.
    return ErrorCode.UNKNOWN_MEMBER_ID;
  }
  // The member has its new generation but no assignment yet: it must finish SyncGroup first.
  if (group.state === 'CompletingRebalance') return ErrorCode.REBALANCE_IN_PROGRESS;
  return ErrorCode.NONE;
}
