import { useId, useState, type KeyboardEvent } from 'react';
import { useDashboard } from '../state/dashboard-store';
import { KeyTable } from './key-table';
import { OrderingViolations } from './ordering-violations';
import { PartitionHistogram } from './partition-histogram';
import './insights.css';

const TABS = [
  { id: 'skew', label: 'Per partition' },
  { id: 'keys', label: 'Key → partition' },
  { id: 'ordering', label: 'Ordering' },
] as const;

type TabId = (typeof TABS)[number]['id'];

/** Below the lanes: how records spread, where keys go, and when per-key order broke. */
export function InsightsPanel() {
  const id = useId();
  const [tab, setTab] = useState<TabId>('skew');
  const violations = useDashboard((s) => s.orderingViolations.length);

  // Arrow keys move between tabs (WAI-ARIA tabs pattern).
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const index = TABS.findIndex((t) => t.id === tab);
    const next = TABS[(index + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
    setTab(next.id);
    document.getElementById(`${id}-tab-${next.id}`)?.focus();
  };

  return (
    <section className="panel insights-panel" aria-label="Insights: records per partition, keys, ordering">
      <div className="tabs" role="tablist" aria-label="Insights" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`${id}-tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            aria-controls={`${id}-panel`}
            tabIndex={tab === t.id ? 0 : -1}
            className={tab === t.id ? 'tab on' : 'tab'}
            onClick={() => setTab(t.id)}
          >
            {t.label}
            {t.id === 'ordering' && violations > 0 && <span className="count-badge" aria-label={`${violations} violations`}>{violations}</span>}
          </button>
        ))}
      </div>
      <div id={`${id}-panel`} role="tabpanel" aria-labelledby={`${id}-tab-${tab}`} className="tab-panel">
        {tab === 'skew' && <PartitionHistogram />}
        {tab === 'keys' && <KeyTable />}
        {tab === 'ordering' && <OrderingViolations />}
      </div>
    </section>
  );
}
