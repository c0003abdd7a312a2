import { PartitioningError } from './partition-choice';
import { CLIENT_PROFILES } from './profiles/client-profiles';
import { CUSTOM_PROFILES } from './profiles/custom-profiles';
import type { Profile, ProfileDefinition, ProfileId } from './profiles/profile-definition';
import type { ProfileRouter, ProfileStateOptions } from './profiles/profile-router';
import { systemRandom } from './keyless/random-source';

export type { Profile, ProfileId } from './profiles/profile-definition';
export type { ProfileStateOptions } from './profiles/profile-router';

const DEFINITIONS: readonly ProfileDefinition[] = [...CLIENT_PROFILES, ...CUSTOM_PROFILES];
const BY_ID = new Map<string, ProfileDefinition>(DEFINITIONS.map((definition) => [definition.id, definition]));

/** Every profile the UI offers, clients first, then the custom partitioners from the seeds. */
export const PROFILES: readonly Profile[] = DEFINITIONS.map(describeProfile);

export const PROFILE_IDS: readonly ProfileId[] = DEFINITIONS.map((definition) => definition.id);

export function isProfileId(value: unknown): value is ProfileId {
  return typeof value === 'string' && BY_ID.has(value);
}

export function profileDefinition(id: ProfileId | string): ProfileDefinition {
  const definition = BY_ID.get(id);
  if (!definition) {
    throw new PartitioningError(`Unknown partitioner profile "${id}"; choose one of: ${PROFILE_IDS.join(', ')}.`);
  }
  return definition;
}

export function profileById(id: ProfileId | string): Profile {
  return describeProfile(profileDefinition(id));
}

/** What one profile remembers between records (counters, the sticky partition) for one topic. */
export interface ProfileState {
  readonly profile: ProfileId;
  /** Plain data for display; null when the profile keeps no state. */
  readonly state: Readonly<object> | null;
  /** @internal used by choosePartition */
  readonly router: ProfileRouter;
}

/**
 * Creates the state one profile keeps for one topic. Clients keep keyless counters per topic, so
 * create one state per (topic, profile).
 *
 * @example
 *   const state = createProfileState('kafkajs', { random: seededRandom(1) });
 *   choosePartition('kafkajs', { key: null, partitionCount: 3 }, state);
 */
export function createProfileState(profile: ProfileId, options: ProfileStateOptions = {}): ProfileState {
  const definition = profileDefinition(profile);
  const router = definition.createRouter({ ...options, random: options.random ?? systemRandom, now: options.now ?? Date.now });
  return { profile: definition.id, state: router.state, router };
}

function describeProfile({ id, label, clients, description, keyed, keyless, seedDifferences, custom }: ProfileDefinition): Profile {
  return { id, label, clients, description, keyed, keyless, seedDifferences, custom };
}
