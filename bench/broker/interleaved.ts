import type { Measurement } from './measurement';

/** One of the things a round measures: a name for the log, and how to measure it once. */
export interface Contender {
  readonly name: string;
  run(round: number): Promise<Measurement>;
}

/** What a contender's rounds gave: its median round, and its fastest. */
export interface RoundsSummary {
  /** The median round; of an even number, the faster of the two in the middle (of six, the third fastest). */
  readonly median: Measurement;
  readonly fastest: Measurement;
}

/**
 * Measures every contender `rounds` times, interleaved (ABC, CBA, ABC, ...), and gives each one's
 * median and fastest round. This machine's speed drifts by a third within a minute
 * (docs/performance.md), so a broker measured a minute after its peer could win or lose by that
 * alone; measured in the same rounds, in turn, both see the same machine.
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
  for (let round = 0; round < rounds; round++) {
    const order = contenders.map((_, index) => index);
    if (round % 2 === 1) order.reverse();
    for (const index of order) {
      const measurement = await contenders[index]!.run(round);
      const cpu = measurement.cpu ? ` (CPU: broker ${seconds(measurement.cpu.brokerMs)}, client ${seconds(measurement.cpu.clientMs)})` : '';
      log(`  round ${round + 1}/${rounds} · ${contenders[index]!.name}: ${seconds(measurement.elapsedMs)}${cpu}`);
      measured[index]!.push(measurement);
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
