import type { TopicView } from '@lanes/events';
import type { TopicService } from './kafka/topic-service';

/**
 * The topic list browsers see. Re-read from Kafka when something changes (debounced) and every few
 * seconds while connected (a real cluster does not say when another client creates a topic), and
 * broadcast only when it differs from what browsers already have.
 */
export class TopicViews {
  private views: TopicView[] = [];
  private lastSent = '';
  private pending: NodeJS.Timeout | undefined;
  private readonly interval: NodeJS.Timeout;
  private refreshing: Promise<TopicView[]> | null = null;

  constructor(
    private readonly topics: TopicService,
    private readonly send: (views: TopicView[]) => void,
    private readonly isConnected: () => boolean,
    periodMs = 2000,
  ) {
    this.interval = setInterval(() => {
      if (this.isConnected()) void this.refresh().catch(() => {});
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
      void this.refresh().catch(() => {});
    }, 50);
    this.pending.unref();
  }

  refresh(): Promise<TopicView[]> {
    this.refreshing ??= this.topics
      .list()
      .then((views) => {
        this.views = views;
        const text = JSON.stringify(views);
        if (text !== this.lastSent) {
          this.lastSent = text;
          this.send(views);
        }
        return views;
      })
      .finally(() => {
        this.refreshing = null;
      });
    return this.refreshing;
  }

  close(): void {
    clearInterval(this.interval);
    clearTimeout(this.pending);
  }
}
