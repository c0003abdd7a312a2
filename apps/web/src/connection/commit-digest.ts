import type { CommitView } from '@lanes/events';

/** Collects commits per group and reports each group's latest offsets at most every `intervalMs`. */
export class CommitDigest {
  private readonly pending = new Map<string, { count: number; offsets: Map<string, number> }>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly report: (groupId: string, text: string) => void,
    private readonly intervalMs = 500,
  ) {}

  add(commit: CommitView): void {
    let entry = this.pending.get(commit.groupId);
    if (!entry) {
      entry = { count: 0, offsets: new Map() };
      this.pending.set(commit.groupId, entry);
    }
    entry.count++;
    for (const o of commit.offsets) entry.offsets.set(`${o.topic}\u0000${o.partition}`, o.offset);
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
  }

  flush(): void {
    this.timer = undefined;
    for (const [groupId, entry] of this.pending) {
      const offsets = [...entry.offsets]
        .map(([key, offset]) => `p${key.split('\u0000')[1]}@${offset}`)
        .join(' ');
      this.report(groupId, `${groupId} committed ${offsets}${entry.count > 1 ? ` (${entry.count} commits)` : ''}`);
    }
    this.pending.clear();
  }

  close(): void {
    clearTimeout(this.timer);
    this.pending.clear();
  }
}
