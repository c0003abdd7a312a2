import { useMemo, useState } from 'react';
import { recordStream } from '../lanes/record-stream';
import { useDashboard } from '../state/dashboard-store';
import { useView } from '../state/view-store';
import { HistogramChart } from './histogram-chart';
import { HOT_SKEW, enoughToJudge, formatSkew, skewOf, skewVerdict } from './skew';
import { useNow } from './use-now';

const WINDOWS = [
  { seconds: 10, label: '10 s', words: '10 seconds' },
  { seconds: 60, label: '1 min', words: 'minute' },
] as const;

/**
 * Records per partition for the selected topic over a window, and skew = max ÷ mean. Read from the
 * record stream twice a second, never per record.
 */
export function PartitionHistogram() {
  const topic = useView((v) => v.topic);
  const partitionCount = useDashboard((s) => s.topics.find((t) => t.name === topic)?.partitions.length ?? 0);
  const [seconds, setSeconds] = useState<number>(10);
  const now = useNow(500);
  // `now` changes twice a second: that is what refreshes the counts.
  const counts = useMemo(() => (topic ? recordStream.countsInWindow(topic, partitionCount, seconds) : []), [topic, partitionCount, seconds, now]);
  const summary = skewOf(counts);
  const hot = summary.skew >= HOT_SKEW && partitionCount > 1 && enoughToJudge(summary, partitionCount) ? summary.hottest : null;
  const window = WINDOWS.find((w) => w.seconds === seconds) ?? WINDOWS[0];

  if (!topic) return <p className="muted">Pick or create a topic to see how its records spread.</p>;

  return (
    <div className="histogram">
      <div className="skew-figure">
        <div className="skew-label">skew (max ÷ mean)</div>
        <div className={`skew-value${hot !== null ? ' is-hot' : ''}`}>{formatSkew(summary.skew)}</div>
        <p className="skew-verdict">{skewVerdict(summary, partitionCount)}</p>
        <div className="window-choice" role="group" aria-label="Window">
          {WINDOWS.map((choice) => (
            <button key={choice.seconds} type="button" aria-pressed={seconds === choice.seconds} className={seconds === choice.seconds ? 'chip-toggle on' : 'chip-toggle'} onClick={() => setSeconds(choice.seconds)}>
              {choice.label}
            </button>
          ))}
        </div>
        <p className="muted small">
          {summary.total.toLocaleString()} {summary.total === 1 ? 'record' : 'records'} in the last {window.words}
        </p>
      </div>
      <HistogramChart counts={counts} mean={summary.mean} hot={hot} description={`Records per partition of ${topic} over the last ${window.words}: ${counts.map((c, i) => `P${i} ${c}`).join(', ')}`} />
    </div>
  );
}
