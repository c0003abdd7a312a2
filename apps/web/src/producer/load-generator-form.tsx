import { useState, type FormEvent } from 'react';
import type { KeyDistribution } from '@lanes/events';
import { useCommand } from '../connection/gateway-context';
import { addTimeline, useDashboard } from '../state/dashboard-store';
import { useView } from '../state/view-store';
import { placeLoadError, type LoadTarget, type PlacedError } from './command-error-placement';
import { DISTRIBUTIONS, distributionInfo, formatRate, prepareLoadStart, RATE_PRESETS } from './load-settings';
import { sendBlockedReason } from './producer-options';
import { useProducer } from './producer-store';
import { ProfileSelect, profileLabel } from './profile-select';

/** Starts a load generator on the selected topic: a rate, a key distribution and a profile. */
export function LoadGeneratorForm() {
  const topic = useView((v) => v.topic);
  const link = useDashboard((s) => s.link);
  const connection = useDashboard((s) => s.connection);
  const producerProfile = useProducer((s) => s.profile);
  const start = useCommand('loadgen:start');
  const [rateText, setRateText] = useState('100');
  const [distribution, setDistribution] = useState<KeyDistribution>('uniform');
  const [keyCountText, setKeyCountText] = useState('100');
  const [hotShareText, setHotShareText] = useState('80');
  const [valueBytesText, setValueBytesText] = useState('100');
  const [profileChoice, setProfileChoice] = useState('');
  const [error, setError] = useState<PlacedError<LoadTarget> | null>(null);
  const blocked = sendBlockedReason(link, connection, topic);
  const info = distributionInfo(distribution);
  const profile = profileChoice || producerProfile;
  const errorFor = (target: LoadTarget) => (error?.target === target ? <p className="field-error">{error.message}</p> : null);
  const edit = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    setError(null);
  };

  async function onStart(event: FormEvent) {
    event.preventDefault();
    if (blocked || start.pending) return;
    const prepared = prepareLoadStart({ topic, rateText, distribution, keyCountText, hotSharePercentText: hotShareText, valueBytesText, profile });
    if (!prepared.ok) return setError(prepared);
    const result = await start.run(prepared.command);
    if (!result.ok) return setError(placeLoadError(result.error));
    addTimeline({ kind: 'produce', topic: result.data.topic, text: `Load generator started on ${result.data.topic}: ${formatRate(result.data.ratePerSecond)}, ${info?.label ?? distribution} keys, ${profileLabel(result.data.profile)}` });
  }

  return (
    <form className="load-form" onSubmit={(event) => void onStart(event)} aria-label="Start a load generator">
      <div className="field">
        <label htmlFor="load-rate">Rate (messages per second)</label>
        <input id="load-rate" className="medium" inputMode="decimal" value={rateText} onChange={(e) => edit(setRateText)(e.target.value)} aria-describedby="load-rate-presets" />
        <div id="load-rate-presets" className="presets" role="group" aria-label="Rate presets">
          {RATE_PRESETS.map((rate) => (
            <button key={rate} type="button" className={Number(rateText.replace(/,/g, '')) === rate ? 'chip selected' : 'chip'} onClick={() => edit(setRateText)(String(rate))}>
              {formatRate(rate).replace('/s', '')}
            </button>
          ))}
        </div>
        {errorFor('ratePerSecond')}
      </div>
      <div className="field">
        <label htmlFor="load-distribution">Keys</label>
        <select id="load-distribution" value={distribution} onChange={(e) => edit(setDistribution)(e.target.value as KeyDistribution)} aria-describedby="load-distribution-lesson">
          {DISTRIBUTIONS.map((d) => (
            <option key={d.id} value={d.id}>
              {d.label}
            </option>
          ))}
        </select>
        <p id="load-distribution-lesson" className="muted help">
          {info?.lesson}
        </p>
        {errorFor('distribution')}
      </div>
      <div className="field-row">
        {info?.keyCountLabel && (
          <div className="field">
            <label htmlFor="load-key-count">{info.keyCountLabel}</label>
            <input id="load-key-count" className="short" inputMode="numeric" value={keyCountText} onChange={(e) => edit(setKeyCountText)(e.target.value)} />
            {errorFor('keyCount')}
          </div>
        )}
        {info?.usesHotShare && (
          <div className="field">
            <label htmlFor="load-hot-share">Hot share %</label>
            <input id="load-hot-share" className="short" inputMode="decimal" value={hotShareText} onChange={(e) => edit(setHotShareText)(e.target.value)} />
            {errorFor('hotKeyShare')}
          </div>
        )}
        <div className="field">
          <label htmlFor="load-value-bytes">Value bytes</label>
          <input id="load-value-bytes" className="short" inputMode="numeric" value={valueBytesText} onChange={(e) => edit(setValueBytesText)(e.target.value)} />
          {errorFor('valueBytes')}
        </div>
      </div>
      <div className="field">
        <label htmlFor="load-profile">Partitioner</label>
        <ProfileSelect id="load-profile" value={profileChoice} onChange={edit(setProfileChoice)} inheritLabel={`Same as above (${profileLabel(producerProfile)})`} />
        {errorFor('profile')}
      </div>
      <div className="send-row">
        <button type="submit" className="primary" disabled={blocked !== null || start.pending}>
          {start.pending ? 'Starting…' : `Start on ${topic ?? '…'}`}
        </button>
      </div>
      {blocked ? <p className="muted help">{blocked}</p> : errorFor('start')}
    </form>
  );
}
