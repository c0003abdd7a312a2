import type { Kafka } from 'kafkajs';
import { CommandFailure, kafkaFailure } from '../command-failure';
import { setEmptyGroupOffsets } from './empty-group-offsets';
import type { ManagedConsumer } from './managed-consumer';
import type { SeekPosition } from './seek-positions';

/**
 * Moves a group to `positions` and returns the positions it actually moved. Only a member may move
 * a group that has members: each live consumer seeks the partitions it owns and commits there. A
 * group without live members has its offsets committed for it, which Kafka allows only while nobody
 * is in the group, so a crashed member that has not expired yet blocks it.
 */
export async function seekGroup(
  kafka: Kafka,
  groupId: string,
  consumers: readonly ManagedConsumer[],
  positions: readonly SeekPosition[],
  /** Called just before a partition moves, in the same tick, so no record read after the move is judged against the old position. */
  onMove: (position: SeekPosition) => void,
  log: (message: string) => void,
): Promise<SeekPosition[]> {
  const live = consumers.filter((consumer) => consumer.alive);
  if (live.length === 0) {
    const crashed = consumers.filter((consumer) => consumer.crashed);
    if (crashed.length > 0) {
      const latest = Math.max(...crashed.map((consumer) => consumer.expiresAt ?? 0));
      throw new CommandFailure('conflict', `Kafka still counts crashed ${crashed.map((c) => c.id).join(', ')} as a member until the session times out (by ${new Date(latest).toISOString()}); seek again after that.`);
    }
    positions.forEach(onMove);
    try {
      await setEmptyGroupOffsets(kafka, groupId, positions);
    } catch (error) {
      throw error instanceof CommandFailure ? error : kafkaFailure(`set the offsets of group '${groupId}'`, error);
    }
    return [...positions];
  }
  const moved: SeekPosition[] = [];
  for (const position of positions) {
    const owner = live.find((consumer) => consumer.owns(position.topic, position.partition));
    if (!owner) continue;
    onMove(position);
    try {
      await owner.seek(position.topic, position.partition, position.offset);
    } catch (error) {
      throw kafkaFailure(`seek ${position.topic}[${position.partition}] of group '${groupId}'`, error);
    }
    moved.push(position);
  }
  if (moved.length === 0) throw new CommandFailure('conflict', `Group '${groupId}' is rebalancing and its consumers own no partitions right now; try again in a moment.`);
  if (moved.length < positions.length) log(`Group '${groupId}': the seek skipped partitions without a live owner (a crashed member still holds them until it expires).`);
  return moved;
}
