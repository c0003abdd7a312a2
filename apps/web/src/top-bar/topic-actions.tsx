import { useView } from '../state/view-store';
import { GatedButton, useControlGate } from './gated-button';
import { shortcutHint } from './keyboard-shortcuts';
import { openTopicDialog } from './top-bar-dialogs';

/** New topic, add partitions, delete: the things that change topics, gated for viewers. */
export function TopicActions() {
  const gate = useControlGate();
  const topic = useView((v) => v.topic);
  const topicGate = gate.allowed && !topic ? { allowed: false, reason: 'Select a topic first.' } : gate;
  return (
    <div className="bar-group" role="group" aria-label="Topic actions">
      <GatedButton gate={gate} title={`Create a topic${shortcutHint('new-topic')}`} onClick={() => openTopicDialog('new-topic')}>
        New topic
      </GatedButton>
      <GatedButton gate={topicGate} title="Add partitions and see which keys move" onClick={() => openTopicDialog('add-partitions')}>
        Add partitions
      </GatedButton>
      <GatedButton gate={topicGate} className="quiet-danger" title="Delete this topic" onClick={() => openTopicDialog('delete-topic')}>
        Delete
      </GatedButton>
    </div>
  );
}
