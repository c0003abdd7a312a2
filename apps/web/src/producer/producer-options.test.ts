import type { ConnectionView } from '@lanes/events';
import { PROFILES, profileById } from '@lanes/partitioners';
import { describe, expect, it } from 'vitest';
import { ACKS_OPTIONS, profileGroups, seedNotes, sendBlockedReason } from './producer-options';

const connection = (canControl: boolean): ConnectionView => ({ status: 'connected', mode: 'embedded', bootstrap: '127.0.0.1:9092', since: 0, canControl });

describe('profileGroups', () => {
  it('offers every profile once, clients before the custom partitioners', () => {
    const groups = profileGroups();
    expect(groups.map((g) => g.label)).toEqual(['Clients', 'Custom partitioners (from the seeds)']);
    expect(groups.flatMap((g) => g.profiles.map((p) => p.id)).sort()).toEqual(PROFILES.map((p) => p.id).sort());
    expect(groups[1]?.profiles.every((p) => p.custom)).toBe(true);
  });
});

describe('seedNotes', () => {
  it("shows where a seed is wrong about the chosen client's behaviour", () => {
    expect(seedNotes(profileById('java'))).toEqual(expect.arrayContaining([expect.stringMatching(/^Note: .*sticky since 2\.4/)]));
    expect(seedNotes(profileById('kafkajs'))).toEqual([]);
    expect(seedNotes(undefined)).toEqual([]);
  });
});

describe('ACKS_OPTIONS', () => {
  it('covers the three values the gateway accepts, each explained', () => {
    expect(ACKS_OPTIONS.map((o) => o.value)).toEqual([0, 1, -1]);
    expect(ACKS_OPTIONS.find((o) => o.value === 0)?.explanation).toMatch(/offset stays unknown/);
  });
});

describe('sendBlockedReason', () => {
  it('lets a presenter with a topic send', () => {
    expect(sendBlockedReason('open', connection(true), 'orders')).toBeNull();
  });

  it('says why sending is off, most fundamental reason first', () => {
    expect(sendBlockedReason('lost', connection(true), 'orders')).toMatch(/Not connected/);
    expect(sendBlockedReason('open', null, 'orders')).toMatch(/Waiting/);
    expect(sendBlockedReason('open', connection(false), 'orders')).toMatch(/View only.*presenter link/);
    expect(sendBlockedReason('open', connection(true), null)).toMatch(/create or choose one/);
  });
});
