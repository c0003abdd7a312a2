import { useMemo, useState } from 'react';
import { useDashboard } from '../state/dashboard-store';
import { useView } from '../state/view-store';
import { compareKeyPlacements } from './key-placements';
import { useProducer } from './producer-store';

/**
 * "Where would this key go?": every profile's answer at the topic's partition count, computed in the
 * browser with the same partitioners the gateway uses. The count can be changed to preview what
 * adding partitions does to a key.
 */
export function KeyLookup() {
  const topic = useView((v) => v.topic);
  const topicCount = useDashboard((s) => s.topics.find((t) => t.name === topic)?.partitions.length ?? 0);
  const profile = useProducer((s) => s.profile);
  const [key, setKey] = useState('u1');
  const [countText, setCountText] = useState('');
  const countInvalid = countText.trim() !== '' && !/^\d+$/.test(countText.trim());
  const partitionCount = countText.trim() === '' ? topicCount : Number(countText);
  const comparison = useMemo(() => compareKeyPlacements(key, partitionCount, profile), [key, partitionCount, profile]);

  return (
    <section className="panel producer-section" aria-labelledby="key-lookup-title">
      <h2 id="key-lookup-title">Where would this key go?</h2>
      <div className="field-row">
        <div className="field grow">
          <label htmlFor="key-lookup-key">Key</label>
          <input id="key-lookup-key" value={key} placeholder="u1" spellCheck={false} onChange={(event) => setKey(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="key-lookup-count">Partitions</label>
          <input
            id="key-lookup-count"
            className="short"
            inputMode="numeric"
            placeholder={topicCount > 0 ? String(topicCount) : '3'}
            value={countText}
            onChange={(event) => setCountText(event.target.value)}
            aria-invalid={countInvalid ? true : undefined}
            aria-describedby="key-lookup-count-help"
          />
        </div>
      </div>
      {countInvalid ? (
        <p className="field-error">The partition count is a whole number such as 6.</p>
      ) : (
        <p id="key-lookup-count-help" className="muted help">
          {countText.trim() === '' ? `At ${topic ?? 'the topic'}'s partition count. Type another count to see which keys would move.` : `What if the topic had ${partitionCount} partitions? Clear it to use ${topic ?? 'the topic'}'s count.`}
        </p>
      )}
      {!comparison.ok ? (
        <p className="muted help">{comparison.message}</p>
      ) : (
        <>
          <p className={comparison.partitions.length > 1 ? 'placement-summary disagree' : 'placement-summary'} aria-live="polite">
            {comparison.summary}
          </p>
          <table className="placements-table">
            <thead>
              <tr>
                <th scope="col">Profile</th>
                <th scope="col">Partition</th>
              </tr>
            </thead>
            <tbody>
              {comparison.rows.map((row) => (
                <tr key={row.profile} className={row.disagrees ? 'disagrees' : row.reference ? 'reference' : undefined}>
                  <th scope="row">
                    {row.label}
                    {row.reference && <span className="badge">your producer</span>}
                    <span className="placement-explanation">{row.explanation}</span>
                  </th>
                  <td>
                    {row.partition === null ? <span className="muted">—</span> : <strong>{row.partition}</strong>}
                    {row.disagrees && <span className="visually-hidden"> (differs)</span>}
                    {row.disagrees && <span aria-hidden="true" className="differs-mark" title="A different partition than your producer"> ≠</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
