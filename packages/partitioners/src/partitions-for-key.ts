import { checkPartitionCount } from './explicit-partition';
import { checkKey, type RecordKey } from './key-bytes';
import { PartitioningError, step, type PartitionStep } from './partition-choice';
import { profileDefinition, PROFILE_IDS, type ProfileId } from './profiles';

/** One profile's answer to "where would this key go?". */
export interface KeyPlacement {
  readonly profile: ProfileId;
  readonly label: string;
  /** null when the key does not decide (the record would take the profile's keyless path) or cannot be used. */
  readonly partition: number | null;
  readonly explanation: string;
  readonly steps: readonly PartitionStep[];
  /** Set when the profile refuses this key (e.g. a non-numeric key for the numeric-modulo partitioner). */
  readonly error?: string;
}

/**
 * Every keyed profile's answer for one key at once, for the dashboard's side-by-side view. Never
 * throws for a key a profile cannot use: that profile's entry carries the error instead. Profiles
 * whose key does not decide the partition (librdkafka `random`, hour-of-day) are left out.
 *
 * @example
 *   partitionsForKeyByProfile('u1', 3).map((p) => `${p.label}: ${p.partition}`)
 */
export function partitionsForKeyByProfile(key: RecordKey, partitionCount: number): KeyPlacement[] {
  const count = checkPartitionCount(partitionCount);
  const checkedKey = checkKey(key);
  if (checkedKey === null) {
    throw new PartitioningError('partitionsForKeyByProfile needs a key (a string or bytes); keyless records depend on each profile\'s state, so use choosePartition.');
  }
  const placements: KeyPlacement[] = [];
  for (const id of PROFILE_IDS) {
    const definition = profileDefinition(id);
    if (!definition.placeKey) continue;
    const base = { profile: definition.id, label: definition.label };
    try {
      const answer = definition.placeKey(checkedKey, count);
      if ('keyDoesNotDecide' in answer) {
        const explanation = `${answer.keyDoesNotDecide} → ${definition.keyless}`;
        placements.push({ ...base, partition: null, explanation, steps: [step('key', answer.keyDoesNotDecide), step('no key', definition.keyless)] });
      } else {
        placements.push({ ...base, partition: answer.partition, explanation: answer.explanation, steps: answer.steps });
      }
    } catch (error) {
      if (!(error instanceof PartitioningError)) throw error;
      placements.push({ ...base, partition: null, explanation: error.message, steps: [step('error', error.message)], error: error.message });
    }
  }
  return placements;
}
