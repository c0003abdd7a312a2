import { useId, useMemo, useState } from 'react';
import { keyColor } from '../lanes/key-colors';
import { recordStream } from '../lanes/record-stream';
import { useView } from '../state/view-store';
import { MOVED_EXPLANATION, isMoved, keyTableView, partitionsText } from './key-table-rows';
import { useNow } from './use-now';

/** Key → partition for the selected topic: same key, same partition, unless something moved it. */
export function KeyTable() {
  const id = useId();
  const topic = useView((v) => v.topic);
  const theme = useView((v) => v.theme);
  const [filter, setFilter] = useState('');
  const [movedFirst, setMovedFirst] = useState(true);
  const now = useNow(1000);
  // `now` refreshes the table once a second.
  const all = useMemo(() => (topic ? recordStream.keyTable(topic) : []), [topic, now]);
  const view = keyTableView(all, filter, movedFirst);

  if (!topic) return <p className="muted">Pick a topic to see where its keys go.</p>;
  if (all.length === 0) return <p className="muted">No keyed records on {topic} yet. Type <code>u1 click</code> in the producer: the first word is the key.</p>;

  return (
    <div className="key-table">
      <div className="key-table-tools">
        <label htmlFor={`${id}-filter`} className="small">Find key</label>
        <input id={`${id}-filter`} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} spellCheck={false} />
        <label className="small check">
          <input type="checkbox" checked={movedFirst} onChange={(e) => setMovedFirst(e.target.checked)} /> moved keys first
        </label>
        <span className="muted small">{all.length.toLocaleString()}{all.length >= 200 ? '+' : ''} keys</span>
      </div>
      {view.movedCount > 0 && <p className="moved-note">{view.movedCount} key{view.movedCount === 1 ? ' is' : 's are'} in more than one partition. {MOVED_EXPLANATION}</p>}
      <table>
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Partition</th>
            <th scope="col" className="num">Records</th>
          </tr>
        </thead>
        <tbody>
          {view.rows.map((row) => (
            <tr key={row.key} className={isMoved(row) ? 'moved' : undefined}>
              <th scope="row">
                <span className="key-swatch" style={{ background: keyColor(row.key, theme) }} aria-hidden="true" />
                <span className="key-text">{row.key}</span>
              </th>
              <td>
                {partitionsText(row)}
                {isMoved(row) && <span className="moved-badge" title={MOVED_EXPLANATION}>moved</span>}
              </td>
              <td className="num">{row.count.toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {view.rows.length === 0 && <p className="muted">No key matches “{filter}”.</p>}
    </div>
  );
}
