import { useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { NO_KEY_MARKER } from '@lanes/events';
import { useCommand } from '../connection/gateway-context';
import { addTimeline, useDashboard } from '../state/dashboard-store';
import { useView } from '../state/view-store';
import { AcksPicker } from './acks-picker';
import { placeProduceError, type PlacedError } from './command-error-placement';
import { describeCount, parsePartitionInput } from './explicit-partition-input';
import { messageLineNumbers, prepareProduce, SEED_EXAMPLE, summarizeMessages, type Acks, type ProduceTarget } from './produce-request';
import { sendBlockedReason } from './producer-options';
import { addSent, setProfile, useProducer } from './producer-store';
import { ProfileDetails, ProfileSelect } from './profile-select';
import { describeSend, toSentRecords } from './sent-records';

/**
 * The text box of the seed labs: one message per line, `key value…`, sent with the chosen
 * partitioner profile. Problems show as the person types, next to the field they concern.
 */
export function MessageComposer() {
  const topic = useView((v) => v.topic);
  const partitionCount = useDashboard((s) => s.topics.find((t) => t.name === topic)?.partitions.length ?? 0);
  const link = useDashboard((s) => s.link);
  const connection = useDashboard((s) => s.connection);
  const profile = useProducer((s) => s.profile);
  const produce = useCommand('records:produce');
  const [text, setText] = useState(SEED_EXAMPLE);
  const [noKeyMarker, setNoKeyMarker] = useState(NO_KEY_MARKER);
  const [partitionText, setPartitionText] = useState('');
  const [acks, setAcks] = useState<Acks>(-1);
  const [placedError, setPlacedError] = useState<PlacedError<ProduceTarget> | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const blocked = sendBlockedReason(link, connection, topic);
  const prepared = useMemo(
    () => prepareProduce({ topic, partitionCount, text, noKeyMarker, partitionText, profile, acks }),
    [topic, partitionCount, text, noKeyMarker, partitionText, profile, acks],
  );
  // Live problems with the input; the gateway's answer replaces them until the next edit.
  const live = !prepared.ok && prepared.target !== 'send' ? prepared : null;
  const errorFor = (target: ProduceTarget) => (placedError?.target === target ? placedError.message : live?.target === target ? live.message : undefined);
  const edited = () => {
    setPlacedError(null);
    produce.clear();
  };

  async function send(event?: FormEvent) {
    event?.preventDefault();
    if (blocked || produce.pending) return;
    if (!prepared.ok) {
      setPlacedError(prepared);
      formRef.current?.querySelector<HTMLElement>(`[data-target="${prepared.target}"]`)?.focus();
      return;
    }
    const sentTopic = prepared.command.topic;
    const result = await produce.run(prepared.command);
    if (!result.ok) {
      setPlacedError(placeProduceError(result.error, messageLineNumbers(text)));
      addTimeline({ kind: 'error', topic: sentTopic, text: `Produce to ${sentTopic} refused: ${result.error.message}` });
      return;
    }
    const records = addSent((firstId) => toSentRecords(result.data, sentTopic, partitionCount, firstId));
    addTimeline({ kind: 'produce', topic: sentTopic, text: describeSend(records, sentTopic) });
  }

  function onTextKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void send();
    }
  }

  const messagesError = errorFor('messages');
  // Checked on its own so a wrong partition shows even while the text has a problem too.
  const partitionCheck = parsePartitionInput(partitionText, partitionCount, topic);
  const partitionError = placedError?.target === 'partition' ? placedError.message : partitionCheck.ok ? undefined : partitionCheck.message;
  return (
    <form ref={formRef} className="composer" onSubmit={(event) => void send(event)} aria-label="Send messages">
      <label htmlFor="producer-text" className="field-label">
        Messages to <strong>{topic ?? 'no topic'}</strong>
        <span className="muted"> · one per line: key, space, value</span>
      </label>
      <textarea
        id="producer-text"
        data-target="messages"
        rows={5}
        spellCheck={false}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          edited();
        }}
        onKeyDown={onTextKeyDown}
        aria-invalid={messagesError ? true : undefined}
        aria-describedby="producer-text-status"
      />
      <p id="producer-text-status" className={messagesError ? 'field-error' : 'muted help'} aria-live="polite">
        {messagesError ?? (prepared.ok ? summarizeMessages(prepared.messages) : '')}
      </p>
      <p className="muted help">
        No key: start the line with a space or the marker below. A line that is a JSON object is sent as the value.
      </p>
      <div className="field-row">
        <div className="field">
          <label htmlFor="producer-marker">No-key marker</label>
          <input
            id="producer-marker"
            data-target="marker"
            className="short"
            value={noKeyMarker}
            onChange={(event) => {
              setNoKeyMarker(event.target.value);
              edited();
            }}
          />
          {errorFor('marker') && <p className="field-error">{errorFor('marker')}</p>}
        </div>
        <div className="field">
          <label htmlFor="producer-partition">Partition (optional)</label>
          <input
            id="producer-partition"
            data-target="partition"
            className="short"
            inputMode="numeric"
            placeholder="auto"
            value={partitionText}
            onChange={(event) => {
              setPartitionText(event.target.value);
              edited();
            }}
            aria-invalid={partitionError ? true : undefined}
            aria-describedby={partitionError ? 'producer-partition-error' : 'producer-partition-help'}
          />
        </div>
      </div>
      {partitionError ? (
        <p id="producer-partition-error" className="field-error">{partitionError}</p>
      ) : (
        <p id="producer-partition-help" className="muted help">
          {partitionText.trim() === '' ? 'Empty: the partitioner decides.' : 'Every line goes to this partition: key and partitioner are not consulted.'}
          {partitionCount > 0 && ` ${topic} has ${describeCount(partitionCount)}.`}
        </p>
      )}
      <div className="field">
        <label htmlFor="producer-profile">Partitioner</label>
        <ProfileSelect
          id="producer-profile"
          value={profile}
          describedBy="producer-profile-details"
          onChange={(next) => {
            setProfile(next);
            edited();
          }}
        />
        {errorFor('profile') && <p className="field-error">{errorFor('profile')}</p>}
        <ProfileDetails id="producer-profile-details" profile={profile} />
      </div>
      <AcksPicker
        value={acks}
        onChange={(next) => {
          setAcks(next);
          edited();
        }}
        error={errorFor('acks')}
      />
      <div className="send-row">
        <button type="submit" className="primary" disabled={blocked !== null || produce.pending} aria-describedby="producer-send-status" data-target="send">
          {produce.pending ? 'Sending…' : 'Send'}
        </button>
        <span className="muted help">
          <kbd>Ctrl</kbd>/<kbd>⌘</kbd>+<kbd>Enter</kbd> in the text box
        </span>
      </div>
      <p id="producer-send-status" className={blocked ? 'muted help' : 'field-error'} role={errorFor('send') ? 'alert' : undefined}>
        {blocked ?? errorFor('send')}
      </p>
    </form>
  );
}
