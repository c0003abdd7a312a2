import { profileById, isProfileId } from '@lanes/partitioners';
import { profileGroups, seedNotes } from './producer-options';

const GROUPS = profileGroups();

interface ProfileSelectProps {
  id: string;
  value: string;
  onChange: (profile: string) => void;
  /** When set, an extra first option with value '' (e.g. "Same as the producer"). */
  inheritLabel?: string;
  describedBy?: string;
}

/** The partitioner profiles, grouped: real clients first, then the seeds' custom partitioners. */
export function ProfileSelect({ id, value, onChange, inheritLabel, describedBy }: ProfileSelectProps) {
  return (
    <select id={id} value={value} onChange={(event) => onChange(event.target.value)} aria-describedby={describedBy}>
      {inheritLabel !== undefined && <option value="">{inheritLabel}</option>}
      {GROUPS.map((group) => (
        <optgroup key={group.label} label={group.label}>
          {group.profiles.map((profile) => (
            <option key={profile.id} value={profile.id}>
              {profile.label}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}

/** What the chosen profile does with and without a key, and where the seeds say otherwise. */
export function ProfileDetails({ id, profile }: { id: string; profile: string }) {
  if (!isProfileId(profile)) return null;
  const details = profileById(profile);
  const notes = seedNotes(details);
  return (
    <div id={id} className="profile-details">
      <p className="muted">{details.description}</p>
      <p className="muted profile-clients">Behaves like: {details.clients.join(', ')}</p>
      {notes.map((note) => (
        <p key={note} className="seed-note" role="note">
          {note}
        </p>
      ))}
    </div>
  );
}

export function profileLabel(profile: string): string {
  return isProfileId(profile) ? profileById(profile).label : profile;
}
