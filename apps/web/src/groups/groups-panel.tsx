import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useDashboard } from '../state/dashboard-store';
import { GroupCard } from './group-card';
import { NewGroupForm } from './new-group-form';
import './groups.css';

/** The right-hand column: one card per consumer group, managed by Lanes or seen in Kafka. */
export function GroupsPanel() {
  const groupIds = useDashboard(useShallow((s) => Object.keys(s.groups).sort()));
  const canControl = useDashboard((s) => s.connection?.canControl ?? false);
  const [creating, setCreating] = useState(false);

  return (
    <>
      <section className="panel groups-panel" aria-labelledby="groups-title">
        <div className="groups-title-row">
          <h2 id="groups-title">Consumer groups</h2>
          {canControl && (
            <button type="button" className={creating ? undefined : 'primary'} aria-expanded={creating} aria-controls="new-group-form" onClick={() => setCreating((open) => !open)}>
              {creating ? 'Close' : 'New group'}
            </button>
          )}
        </div>
        {creating && (
          <div id="new-group-form">
            <NewGroupForm onDone={() => setCreating(false)} />
          </div>
        )}
        {!canControl && <p className="muted">View only: open the presenter link to add or change groups.</p>}
        {groupIds.length === 0 && !creating && (
          <p className="muted">No consumer groups yet. A group shares a topic's partitions among its consumers: each partition goes to exactly one of them.</p>
        )}
      </section>
      {groupIds.map((groupId) => (
        <GroupCard key={groupId} groupId={groupId} canControl={canControl} />
      ))}
    </>
  );
}
