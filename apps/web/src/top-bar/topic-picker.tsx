import { useEffect, useId, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useCommand } from '../connection/gateway-context';
import { useDashboard } from '../state/dashboard-store';
import { useView, viewStore } from '../state/view-store';

interface TopicChoice {
  name: string;
  partitions: number;
  watched: boolean;
}

/** Only what the picker shows, so offsets moving every second do not re-render it. */
function topicChoices(topics: readonly { name: string; partitions: readonly unknown[]; watched: boolean }[]): string[] {
  return topics.map((t) => `${t.name}\u0000${t.partitions.length}\u0000${t.watched ? 1 : 0}`);
}

function parseChoice(entry: string): TopicChoice {
  const [name = '', partitions = '0', watched = '0'] = entry.split('\u0000');
  return { name, partitions: Number(partitions), watched: watched === '1' };
}

/**
 * Which topic the lanes show. A topic created outside Lanes may not be tapped yet; choosing it asks
 * the gateway to watch it from the beginning, so its records appear.
 */
export function TopicPicker() {
  const id = useId();
  const choices = useDashboard(useShallow((s) => topicChoices(s.topics))).map(parseChoice);
  const link = useDashboard((s) => s.link);
  const selected = useView((v) => v.topic);
  const watch = useCommand('topic:watch');
  const asked = useRef(new Set<string>());

  const current = choices.find((choice) => choice.name === selected);
  const needsWatch = link === 'open' && current !== undefined && !current.watched;
  const { run } = watch;
  useEffect(() => {
    if (!needsWatch || !selected || asked.current.has(selected)) return;
    asked.current.add(selected);
    const topic = selected;
    // After a failure, choosing the topic again retries; nothing retries in a loop by itself.
    void run({ topic, from: 'beginning' }).then((result) => {
      if (!result.ok) asked.current.delete(topic);
    });
  }, [needsWatch, selected, run]);

  return (
    <div className="topic-picker">
      <label htmlFor={id} className="bar-label">
        Topic
      </label>
      <select
        id={id}
        value={current ? current.name : ''}
        disabled={choices.length === 0}
        aria-describedby={watch.error ? `${id}-error` : undefined}
        onChange={(event) => {
          watch.clear();
          viewStore.setState({ topic: event.target.value || null });
        }}
      >
        {choices.length === 0 && <option value="">No topics yet</option>}
        {choices.length > 0 && !current && <option value="">Choose a topic</option>}
        {choices.map((choice) => (
          <option key={choice.name} value={choice.name}>
            {choice.name} · {choice.partitions} {choice.partitions === 1 ? 'partition' : 'partitions'}
          </option>
        ))}
      </select>
      {watch.error && (
        <span id={`${id}-error`} className="field-error bar-error" role="alert">
          {watch.error.message}
        </span>
      )}
    </div>
  );
}
