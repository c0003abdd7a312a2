import type { Admin } from 'kafkajs';
import type { ConnectionStatus } from '@lanes/events';

export interface ConnectionState {
  status: ConnectionStatus;
  since: number;
  error?: string;
}

/** Called when the cluster that answers is not the one that answered before (a new broker or cluster). */
export type ClusterChangeListener = (previousClusterId: string, clusterId: string) => void;

/**
 * Knows whether Kafka answers: it asks the cluster to describe itself every `intervalMs` and
 * reports changes. 'connecting' until the first answer, 'connected' while answers come,
 * 'unreachable' when the first attempts fail, 'reconnecting' when a connected cluster stops
 * answering. Nothing here restarts the gateway: kafkajs reconnects, and the tap resumes.
 */
export class ConnectionMonitor {
  private state: ConnectionState = { status: 'connecting', since: Date.now() };
  private timer: NodeJS.Timeout | undefined;
  private everConnected = false;
  private stopped = false;
  private readonly listeners = new Set<(state: ConnectionState) => void>();
  private readonly clusterListeners = new Set<ClusterChangeListener>();
  private clusterId: string | null = null;

  constructor(
    private readonly admin: Admin,
    private readonly intervalMs = 1000,
  ) {}

  get current(): ConnectionState {
    return this.state;
  }

  onChange(listener: (state: ConnectionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onClusterChange(listener: ClusterChangeListener): () => void {
    this.clusterListeners.add(listener);
    return () => this.clusterListeners.delete(listener);
  }

  start(): void {
    void this.probe();
  }

  /** Resolves once Kafka has answered, or rejects after `timeoutMs`. */
  waitUntilConnected(timeoutMs: number): Promise<void> {
    if (this.state.status === 'connected') return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`Kafka did not answer within ${timeoutMs} ms (${this.state.error ?? 'no answer'}).`));
      }, timeoutMs);
      const off = this.onChange((state) => {
        if (state.status !== 'connected') return;
        clearTimeout(timer);
        off();
        resolve();
      });
    });
  }

  private async probe(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.admin.connect();
      const cluster = await this.admin.describeCluster();
      if (this.clusterId !== null && cluster.clusterId !== this.clusterId) {
        for (const listener of this.clusterListeners) listener(this.clusterId, cluster.clusterId);
      }
      this.clusterId = cluster.clusterId;
      this.everConnected = true;
      this.set({ status: 'connected', since: Date.now() });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.set({ status: this.everConnected ? 'reconnecting' : 'unreachable', since: Date.now(), error: message });
    }
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.probe(), this.intervalMs);
    this.timer.unref();
  }

  private set(next: ConnectionState): void {
    if (next.status === this.state.status && next.error === this.state.error) return;
    this.state = next.status === this.state.status ? { ...next, since: this.state.since } : next;
    for (const listener of this.listeners) listener(this.state);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }
}
