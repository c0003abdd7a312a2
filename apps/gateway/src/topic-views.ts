import type { TopicView } from '@lanes/events';
import type { TopicService } from './kafka/topic-service';

/**
 * The topic list browsers see. Re-read from Kafka when something changes (debounced) and every few
 * seconds while connected (a real cluster does not say when another client creates a topic), and
 * broadcast only when it differs from what browsers already have. When reads overlap, the one that
 * started last wins, so an older read never overwrites a newer list.
 */
export class TopicViews {
  private views: TopicView[] = [];
  private lastSent = '';
  private pending: NodeJS.Timeout | undefined;
  private readonly interval: NodeJS.Timeout;
  private started = 0;
  private applied = 0;
  private underWay = 0;
  /** Something changed while a read was under way: read again when it ends. */
  private stale = false;

  constructor(
    private readonly topics: TopicService,
    private readonly send: (views: TopicView[]) => void,
    private readonly isConnected: () => boolean,
    periodMs = 2000,
  ) {
    this.interval = setInterval(() => {
      if (this.isConnected() && this.underWay === 0) this.readInBackground();
    }, periodMs);
    this.interval.unref();
  }

  current(): TopicView[] {
    return this.views;
  }

  /** Soon, coalescing bursts (a segment roll on every partition at once). */
  changed(): void {
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = undefined;
      if (this.underWay > 0) this.stale = true;
      else this.readInBackground();
    }, 50);
    this.pending.unref();
  }

  /**
   * Reads Kafka now, for a caller that has just changed something: a read already under way may
   * have started before that change, so it does not wait for one.
   */
  refresh(): Promise<TopicView[]> {
    const sequence = ++this.started;
    this.underWay++;
    return this.topics
      .list()
      .then((views) => {
        if (sequence > this.applied) this.apply(sequence, views);
        return views;
      })
      .finally(() => {
        this.underWay--;
        if (this.underWay === 0 && this.stale) {
          this.stale = false;
          this.readInBackground();
        }
      });
  }

  close(): void {
    clearInterval(this.interval);
    clearTimeout(this.pending);
  }

  private readInBackground(): void {
    void this.refresh().catch(() => {});
  }

  private apply(sequence: number, views: TopicView[]): void {
    this.applied = sequence;
    this.views = views;
    const text = JSON.stringify(views);
    if (text !== this.lastSent) {
      this.lastSent = text;
      this.send(views);
    }
  }
}
