import { useEffect } from 'react';
import { GroupsPanel } from '../groups/groups-panel';
import { InsightsPanel } from '../insights/insights-panel';
import { TimelinePanel } from '../insights/timeline-panel';
import { LanesView } from '../lanes/lanes-view';
import { ProducerPanel } from '../producer/producer-panel';
import { useView } from '../state/view-store';
import { ConnectionBanner } from '../top-bar/connection-banner';
import { HelpOverlay } from '../top-bar/help-overlay';
import { useKeyboardShortcuts } from '../top-bar/keyboard-shortcuts';
import { TopBar } from '../top-bar/top-bar';

/**
 * The dashboard's frame: top bar, the lanes in the middle, panels around them. Each panel is its own
 * component reading its own slice of the stores; high-rate drawing happens on the lanes canvas.
 */
export function App() {
  const theme = useView((v) => v.theme);
  const presenter = useView((v) => v.presenter);
  const panels = useView((v) => v.panels);
  useKeyboardShortcuts();

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.dataset.presenter = presenter ? 'on' : 'off';
  }, [theme, presenter]);

  return (
    <div className="app">
      <TopBar />
      <ConnectionBanner />
      <main className="workspace">
        {panels.producer && (
          <aside className="side side-left" aria-label="Producer">
            <ProducerPanel />
          </aside>
        )}
        <section className="center" aria-label="Partition lanes">
          <LanesView />
          {(panels.insights || panels.timeline) && (
            <div className="below">
              {panels.insights && <InsightsPanel />}
              {panels.timeline && <TimelinePanel />}
            </div>
          )}
        </section>
        {panels.groups && (
          <aside className="side side-right" aria-label="Consumer groups">
            <GroupsPanel />
          </aside>
        )}
      </main>
      <HelpOverlay />
    </div>
  );
}
