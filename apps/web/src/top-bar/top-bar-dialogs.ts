import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

/**
 * Which topic dialog is open. Outside React so the keyboard shortcut "n" can open the new-topic
 * form; help and connect-a-client live in the view store because the URL and other panels use them.
 */
export type TopicDialog = 'new-topic' | 'add-partitions' | 'delete-topic';

export const topicDialogStore = createStore<{ open: TopicDialog | null }>(() => ({ open: null }));

export function useTopicDialog(): TopicDialog | null {
  return useStore(topicDialogStore, (state) => state.open);
}

export function openTopicDialog(dialog: TopicDialog | null): void {
  topicDialogStore.setState({ open: dialog });
}
