/**
 * The keys recently produced to each topic and the profile that placed them, so that adding
 * partitions can show which keys now go elsewhere: the lesson of "Mistake 5" in the seeds.
 */
export class RecentKeys {
  private readonly byTopic = new Map<string, Map<string, string>>();

  constructor(private readonly perTopic = 500) {}

  remember(topic: string, key: string, profile: string): void {
    let keys = this.byTopic.get(topic);
    if (!keys) {
      keys = new Map();
      this.byTopic.set(topic, keys);
    }
    keys.delete(key);
    keys.set(key, profile);
    if (keys.size > this.perTopic) keys.delete(keys.keys().next().value!);
  }

  keys(topic: string): { key: string; profile: string }[] {
    return [...(this.byTopic.get(topic) ?? [])].map(([key, profile]) => ({ key, profile }));
  }

  forget(topic: string): void {
    this.byTopic.delete(topic);
  }
}
