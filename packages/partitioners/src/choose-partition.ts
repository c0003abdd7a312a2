import { checkPartitionCount, explicitPartitionChoice } from './explicit-partition';
import { checkKey, type RecordKey } from './key-bytes';
import { PartitioningError, type PartitionChoice } from './partition-choice';
import { profileDefinition, type ProfileId, type ProfileState } from './profiles';

export interface RecordToPlace {
  key: RecordKey | null;
  /** Only the content-based partitioner reads it (JSON text, bytes or an already parsed object). */
  value?: unknown;
  /** Milliseconds since 1970; only the time-bucketed partitioner reads it. */
  timestamp?: number;
  partitionCount: number;
  /** A partition named by the producer: it wins over key and partitioner in every client. */
  explicitPartition?: number | null;
}

export interface ProfileChoice extends PartitionChoice {
  readonly profile: ProfileId;
}

/**
 * Where a record goes under a profile, and why. Throws PartitioningError with a message a user can
 * act on for a bad partition count, an explicit partition that does not exist, or a key the
 * profile cannot use.
 *
 * @example
 *   const state = createProfileState('java');
 *   choosePartition('java', { key: 'u1', partitionCount: 3 }, state).explanation
 *   // "murmur2('u1') = ... → & 0x7fffffff → ... → % 3 = ..."
 */
export function choosePartition(profile: ProfileId, record: RecordToPlace, state: ProfileState): ProfileChoice {
  const definition = profileDefinition(profile);
  if (state?.profile !== definition.id) {
    throw new PartitioningError(`This state belongs to profile "${String(state?.profile)}", not "${definition.id}": create one with createProfileState('${definition.id}').`);
  }
  const partitionCount = checkPartitionCount(record.partitionCount);
  if (record.explicitPartition !== undefined && record.explicitPartition !== null) {
    return { ...explicitPartitionChoice(record.explicitPartition, partitionCount), profile: definition.id };
  }
  const key = checkKey(record.key);
  const choice = state.router.route({ key, value: record.value, timestamp: record.timestamp, partitionCount });
  return { ...choice, profile: definition.id };
}
