import type { ConnectionView } from '@lanes/events';
import { PROFILES, type Profile } from '@lanes/partitioners';
import type { LinkStatus } from '../state/dashboard-store';
import type { Acks } from './produce-request';

export interface ProfileGroup {
  label: string;
  profiles: readonly Profile[];
}

/** Profiles as the picker groups them: real clients first, then the custom partitioners from the seeds. */
export function profileGroups(profiles: readonly Profile[] = PROFILES): ProfileGroup[] {
  return [
    { label: 'Clients', profiles: profiles.filter((p) => !p.custom) },
    { label: 'Custom partitioners (from the seeds)', profiles: profiles.filter((p) => p.custom) },
  ].filter((group) => group.profiles.length > 0);
}

/**
 * Where a seed document is wrong about a profile, the fact is shown beside the picker: the issue asks
 * for exactly that ("Where a seed is wrong about a fact, Lanes shows the fact").
 */
export function seedNotes(profile: Profile | undefined): string[] {
  return profile ? profile.seedDifferences.map((difference) => `Note: ${difference}`) : [];
}

export interface AcksOption {
  value: Acks;
  label: string;
  explanation: string;
}

/** acks, with what each costs and guarantees (the producer config `acks`). */
export const ACKS_OPTIONS: readonly AcksOption[] = [
  { value: 0, label: '0', explanation: 'Fire and forget: Kafka sends no answer, so a lost record goes unnoticed and the offset stays unknown.' },
  { value: 1, label: '1', explanation: 'The leader wrote it: lost only if the leader dies before followers copy it.' },
  { value: -1, label: 'all', explanation: 'Every in-sync replica has it: the safest, and the default since Kafka 3.0.' },
];

/**
 * Why the panel cannot send right now, in words, or null when it can. Viewers of a classroom
 * session watch only: the gateway refuses their commands, so the panel says so before they try.
 */
export function sendBlockedReason(link: LinkStatus, connection: ConnectionView | null, topic: string | null): string | null {
  if (link !== 'open') return 'Not connected to the Lanes gateway: sending resumes when the connection banner clears.';
  if (!connection) return 'Waiting for the gateway to describe Kafka…';
  if (!connection.canControl) return 'View only: this browser watches. Open the presenter link to send messages.';
  if (!topic) return 'No topic yet: create or choose one in the top bar.';
  return null;
}
