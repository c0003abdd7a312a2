import { LoadGeneratorForm } from './load-generator-form';
import { LoadGeneratorList } from './load-generator-list';
import { KeyLookup } from './key-lookup';
import { MessageComposer } from './message-composer';
import { SentList } from './sent-list';
import './producer.css';
import './producer-results.css';

/**
 * The left-hand panel: type messages and send them, see where each went and why, ask where any key
 * would go under every client, and run load. Everything here changes at human speed; records
 * produced from it fly into the lanes from this side (RecordView.producer === 'panel').
 */
export function ProducerPanel() {
  return (
    <div className="producer-panel">
      <section className="panel producer-section" aria-labelledby="producer-title">
        <h2 id="producer-title">Produce</h2>
        <MessageComposer />
      </section>
      <SentList />
      <KeyLookup />
      <section className="panel producer-section" aria-labelledby="load-title">
        <h2 id="load-title">Load generator</h2>
        <LoadGeneratorForm />
        <LoadGeneratorList />
      </section>
    </div>
  );
}
