import { choosePartition, createProfileState, isProfileId } from '@lanes/partitioners';

/** Where `profile` puts `key` at `partitionCount` partitions, or null when it cannot say. */
export function partitionForKey(key: string, partitionCount: number, profile: string): number | null {
  if (!isProfileId(profile)) return null;
  try {
    return choosePartition(profile, { key, partitionCount }, createProfileState(profile)).partition;
  } catch {
    return null;
  }
}
