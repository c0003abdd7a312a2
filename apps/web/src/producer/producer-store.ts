import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { keepLatest, type SentRecord } from './sent-records';

/** What the producer panel's parts share: the chosen profile and the records it sent. */
export interface ProducerState {
  /** The partitioner profile for sending, the load generator's default and the key table's reference. */
  profile: string;
  /** Newest first, bounded. */
  sent: SentRecord[];
  nextId: number;
}

export const producerStore = createStore<ProducerState>(() => ({ profile: 'kafkajs', sent: [], nextId: 1 }));

export function useProducer<T>(selector: (state: ProducerState) => T): T {
  return useStore(producerStore, selector);
}

export function setProfile(profile: string): void {
  producerStore.setState({ profile });
}

/** Records a sent batch; `make` receives the first free id. Returns the records as stored. */
export function addSent(make: (firstId: number) => SentRecord[]): SentRecord[] {
  const state = producerStore.getState();
  const added = make(state.nextId);
  producerStore.setState({ sent: keepLatest(state.sent, added), nextId: state.nextId + added.length });
  return added;
}

export function clearSent(): void {
  producerStore.setState({ sent: [] });
}
