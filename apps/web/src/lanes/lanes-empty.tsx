/** Shown when there is no topic to draw yet. */
export function LanesEmpty({ connected }: { connected: boolean }) {
  return (
    <div className="lanes-view panel lanes-empty">
      <h2>Partition lanes</h2>
      {connected ? (
        <p>
          No topic yet. Create a topic with <strong>New topic</strong> or produce from the panel; each partition will appear here as a lane.
        </p>
      ) : (
        <p className="muted">Connecting to the gateway…</p>
      )}
    </div>
  );
}
