import type { LoadGeneratorView, LoadStartParsed } from '@lanes/events';
import type { RandomSource } from '@lanes/partitioners';
import { CommandFailure } from '../command-failure';
import { checkProfile, type ProducerService } from '../kafka/producer-service';
import type { TopicService } from '../kafka/topic-service';
import type { StreamHub } from '../stream/stream-hub';
import { createKeySource } from './key-distributions';
import { LoadGenerator } from './load-generator';

/** Generators running at once: enough to compare distributions side by side, few enough for a laptop. */
export const MAX_RUNNING_LOAD_GENERATORS = 4;
/** Stopped generators kept in the views (with their final count) so a person can read the result. */
export const MAX_STOPPED_LOAD_GENERATORS_SHOWN = 4;
/** 'loadgen:state' goes out this often while any generator runs, so `produced` climbs on screen. */
export const LOAD_STATE_INTERVAL_MS = 1000;

export interface LoadGeneratorsDeps {
  producer: ProducerService;
  topics: TopicService;
  hub: { emit: StreamHub['emit'] };
  log?: (message: string) => void;
  now?: () => number;
  /** Seeds the key distributions, for repeatable demos and tests. */
  random?: RandomSource;
}

/**
 * The load generators: each produces to a topic at a chosen rate and key distribution, through the
 * same ProducerService (and so the same partitioner profiles) as the producer panel, labelled 'load'.
 *
 * @example
 *   const load = new LoadGenerators({ producer, topics, hub });
 *   const view = await load.start(loadStartSchema.parse({ topic: 'orders', ratePerSecond: 500, distribution: 'hot-key' }));
 *   load.stop(view.id);
 */
export class LoadGenerators {
  private readonly generators = new Map<string, LoadGenerator>();
  private stateTimer: NodeJS.Timeout | null = null;
  private created = 0;
  private closed = false;

  constructor(private readonly deps: LoadGeneratorsDeps) {}

  async start(command: LoadStartParsed): Promise<LoadGeneratorView> {
    this.checkRoom();
    const profile = checkProfile(command.profile);
    const partitionCount = await this.deps.topics.partitionCount(command.topic);
    this.checkProfileTakesKeys(command, profile, partitionCount);
    // Checked again: another start may have taken the last place while this one asked Kafka.
    this.checkRoom();
    const id = `load-${++this.created}`;
    const generator = new LoadGenerator(id, command, profile, (this.deps.now ?? Date.now)(), {
      producer: this.deps.producer,
      topics: this.deps.topics,
      onChange: () => this.emitState(),
      log: this.deps.log ?? (() => {}),
      ...(this.deps.random ? { random: this.deps.random } : {}),
    });
    this.generators.set(id, generator);
    generator.start();
    this.ensureStateTimer();
    this.emitState();
    return generator.view();
  }

  /** Stops one generator, or every running one without an id; returns the ids it stopped. */
  stop(id?: string): string[] {
    let stopped: string[];
    if (id !== undefined) {
      const generator = this.generators.get(id);
      if (!generator) {
        const known = [...this.generators.keys()];
        throw new CommandFailure('not_found', `There is no load generator '${id}'.${known.length ? ` Known: ${known.join(', ')}.` : ' None is running.'}`, 'id');
      }
      stopped = generator.stop() ? [id] : [];
    } else {
      stopped = [...this.generators.values()].filter((generator) => generator.stop()).map((generator) => generator.id);
    }
    this.forgetOldStopped();
    if (!this.anyRunning()) this.clearStateTimer();
    this.emitState();
    return stopped;
  }

  views(): LoadGeneratorView[] {
    return [...this.generators.values()].map((generator) => generator.view());
  }

  /** Stops everything and waits for sends in flight; emits nothing (the gateway is shutting down). */
  async close(): Promise<void> {
    this.closed = true;
    this.clearStateTimer();
    for (const generator of this.generators.values()) generator.stop();
    await Promise.all([...this.generators.values()].map((generator) => generator.settled()));
  }

  private checkRoom(): void {
    if (this.closed) throw new CommandFailure('unavailable', 'The gateway is shutting down; no new load generators.');
    const running = [...this.generators.values()].filter((generator) => generator.running).length;
    if (running >= MAX_RUNNING_LOAD_GENERATORS) {
      throw new CommandFailure('conflict', `At most ${MAX_RUNNING_LOAD_GENERATORS} load generators run at once. Stop one first.`);
    }
  }

  /**
   * Places a few sample keys before starting, so a profile that refuses this distribution's keys
   * (the numeric-modulo partitioner and the "k12" keys, say) fails the command instead of every tick.
   */
  private checkProfileTakesKeys(command: LoadStartParsed, profile: ReturnType<typeof checkProfile>, partitionCount: number): void {
    const nextKey = createKeySource({ distribution: command.distribution, keyCount: command.keyCount, hotKeyShare: command.hotKeyShare });
    const samples = Array.from({ length: 8 }, () => ({ key: nextKey(), value: '{}' }));
    try {
      this.deps.producer.place(command.topic, profile, partitionCount, samples);
    } catch (error) {
      if (!(error instanceof CommandFailure)) throw error;
      throw new CommandFailure('invalid_input', `The '${profile}' partitioner cannot place '${command.distribution}' keys such as ${JSON.stringify(samples[0]?.key)}: ${error.message} Pick another profile or distribution.`, 'profile');
    }
  }

  private anyRunning(): boolean {
    return [...this.generators.values()].some((generator) => generator.running);
  }

  private forgetOldStopped(): void {
    const stopped = [...this.generators.values()].filter((generator) => !generator.running);
    for (const generator of stopped.slice(0, Math.max(0, stopped.length - MAX_STOPPED_LOAD_GENERATORS_SHOWN))) this.generators.delete(generator.id);
  }

  private ensureStateTimer(): void {
    if (this.stateTimer) return;
    this.stateTimer = setInterval(() => this.emitState(), LOAD_STATE_INTERVAL_MS);
    this.stateTimer.unref();
  }

  private clearStateTimer(): void {
    if (this.stateTimer) clearInterval(this.stateTimer);
    this.stateTimer = null;
  }

  private emitState(): void {
    if (this.closed) return;
    this.deps.hub.emit('loadgen:state', this.views());
  }
}
