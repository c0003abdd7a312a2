import { viewStore } from '../state/view-store';
import { AddPartitionsDialog } from './add-partitions-dialog';
import { ConnectClient } from './connect-client';
import { ConnectionStatus } from './connection-status';
import { DeleteTopicDialog } from './delete-topic-dialog';
import { shortcutHint } from './keyboard-shortcuts';
import { NewTopicDialog } from './new-topic-dialog';
import { PlaybackControls } from './playback-controls';
import { TopicActions } from './topic-actions';
import { TopicPicker } from './topic-picker';
import { ViewToggles } from './view-toggles';
import './top-bar.css';

/**
 * Where Lanes is connected, which topic the lanes show and what can be done to it, how the
 * animation runs, and how the page looks. Every control has a tooltip; the common ones a shortcut.
 */
export function TopBar() {
  return (
    <>
      <header className="top-bar">
        <div className="bar-group bar-brand">
          <span className="brand-name">Lanes</span>
          <ConnectionStatus />
        </div>
        <div className="bar-group bar-topic">
          <TopicPicker />
          <TopicActions />
        </div>
        <PlaybackControls />
        <ViewToggles />
        <div className="bar-group bar-end">
          <button type="button" onClick={() => viewStore.setState({ connectOpen: true })}>
            Connect a client
          </button>
          <button type="button" className="help-button" aria-label="Keyboard shortcuts" title={`Keyboard shortcuts${shortcutHint('help')}`} onClick={() => viewStore.setState({ helpOpen: true })}>
            ?
          </button>
        </div>
      </header>
      <NewTopicDialog />
      <AddPartitionsDialog />
      <DeleteTopicDialog />
      <ConnectClient />
    </>
  );
}
