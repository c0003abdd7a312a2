import { keyColor } from '../lanes/key-colors';
import { useView } from '../state/view-store';
import { clearSent, useProducer } from './producer-store';
import { profileLabel } from './profile-select';
import { explanationSteps, offsetLabel, placeLabel, type SentRecord } from './sent-records';

/** Where each sent message went and why; newest first, each expandable to its steps. */
export function SentList() {
  const sent = useProducer((s) => s.sent);
  return (
    <section className="panel producer-section" aria-labelledby="producer-sent-title">
      <div className="section-head">
        <h2 id="producer-sent-title">Where they went</h2>
        {sent.length > 0 && (
          <button type="button" className="link-button" onClick={clearSent}>
            Clear
          </button>
        )}
      </div>
      {sent.length === 0 ? (
        <p className="muted help">Send a message: each one appears here with its partition, its offset and the reason.</p>
      ) : (
        <ol className="sent-list" aria-label="Sent messages, newest first">
          {sent.map((record) => (
            <SentItem key={record.id} record={record} />
          ))}
        </ol>
      )}
    </section>
  );
}

function SentItem({ record }: { record: SentRecord }) {
  const theme = useView((v) => v.theme);
  return (
    <li>
      <details>
        <summary>
          <KeyChip recordKey={record.key} theme={theme} />
          <span className="sent-place" title={`partition ${record.partition}, ${offsetLabel(record.offset)}`}>
            → {placeLabel(record)}
          </span>
          <span className="sent-explanation">{record.explanation}</span>
        </summary>
        <table className="steps-table">
          <caption className="muted">
            {profileLabel(record.profile)} · {record.topic} · {offsetLabel(record.offset)}
          </caption>
          <tbody>
            {explanationSteps(record).map((step, index) => (
              <tr key={index}>
                <th scope="row">{step.label}</th>
                <td>{step.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </li>
  );
}

export function KeyChip({ recordKey, theme }: { recordKey: string | null; theme: 'light' | 'dark' }) {
  return (
    <span className={recordKey === null ? 'key-chip keyless' : 'key-chip'} style={{ borderColor: keyColor(recordKey, theme), background: `${keyColor(recordKey, theme)}33` }}>
      {recordKey ?? 'no key'}
    </span>
  );
}
