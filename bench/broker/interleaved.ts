import type { Measurement } from './measurement';

/** One of the things a round measures: a name for the log, and how to measure it once. */
export interface Contender {
  readonly name: string;
  /** Measures once; `round` is 0 for the untimed first round, then 1 to the number of rounds. */
  run(round: number): Promise<Measurement>;
}

/** What a contender's rounds gave: its median round, and its fastest. */
export interface RoundsSummary {
  /** The median round; of an even number, the faster of the two in the middle (of six, the third fastest). */
  readonly median: Measurement;
  readonly fastest: Measurement;
}

/**
 * Measures every contender `rounds` times, interleaved (ABC, CBA, ABC, ...), after one untimed round
 * of each, and gives each one's median and fastest round.
 *
 * A broker's first round of a workload is not like the ones after it, even after a warm-up: in the
 * seven bench:broker runs of 2026-11-22 02:00-02:21 UTC the embedded broker's first kcat round cost
 * it 0.28-0.35 CPU-seconds at 200 B (0.18-0.28 after) and 0.50-0.94 at 4 KB (0.40-0.57 after). V8
 * recompiled what the topic deletions and the other clients in between had made it give up
 * (`--trace-opt`), and the first fresh topics faulted in new memory. The mock's first rounds were
 * like its others. So the first round of each contender is run and logged but not counted.
 *
 * This machine's speed drifts by a third within a minute (docs/performance.md), so a broker measured
 * a minute after its peer could win or lose by that alone; measured in the same rounds, in turn,
 * both see the same machine.
 *
 * The median is what the bench compares: the rounds are all warm, and what spreads them is the
 * machine, kcat's own CPU included (0.65–0.95 CPU-seconds for the same 200 B produce within one
 * run). A side's fastest round is often one where the client happened to run cheap, so comparing
 * fastest rounds let one such round decide a run.
 *
 * @example
 *   const [embedded, mock] = await measureInterleaved(6, [embeddedContender, mockContender], log);
 */
export async function measureInterleaved<const C extends readonly Contender[]>(
  rounds: number,
  contenders: C,
  log: (line: string) => void,
): Promise<{ [K in keyof C]: RoundsSummary }> {
  if (rounds < 1) throw new RangeError(`measureInterleaved needs at least one round, not ${rounds}`);
  const measured: Measurement[][] = contenders.map(() => []);
  for (let round = 0; round <= rounds; round++) {
    const order = contenders.map((_, index) => index);
    if (round % 2 === 1) order.reverse();
    for (const index of order) {
      const measurement = await contenders[index]!.run(round);
      const cpu = measurement.cpu ? ` (CPU: broker ${seconds(measurement.cpu.brokerMs)}, client ${seconds(measurement.cpu.clientMs)})` : '';
      const label = round === 0 ? 'round 0 (untimed)' : `round ${round}/${rounds}`;
      log(`  ${label} · ${contenders[index]!.name}: ${seconds(measurement.elapsedMs)}${cpu}`);
      if (round > 0) measured[index]!.push(measurement);
    }
  }
  return measured.map(summarize) as { [K in keyof C]: RoundsSummary };
}

function summarize(measurements: readonly Measurement[]): RoundsSummary {
  const byTime = [...measurements].sort((a, b) => a.elapsedMs - b.elapsedMs);
  return { median: byTime[Math.floor((byTime.length - 1) / 2)]!, fastest: byTime[0]! };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}
