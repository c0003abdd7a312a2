import type { Measurement } from './measurement';

/** One of the things a round measures: a name for the log, and how to measure it once. */
export interface Contender {
  readonly name: string;
  run(round: number): Promise<Measurement>;
}

/**
 * Measures every contender `rounds` times, interleaved (ABC, CBA, ABC, ...), and keeps each one's
 * fastest round. This machine's speed drifts by a third within a minute (docs/performance.md), so
 * a broker measured a minute after its peer could win or lose by that alone; measured in the same
 * rounds, in turn, both see the same machine, and the best round of each is the one least disturbed.
 *
 * @example
 *   const [embedded, mock] = await bestOfInterleaved(4, [embeddedContender, mockContender]);
 */
export async function bestOfInterleaved<const C extends readonly Contender[]>(
  rounds: number,
  contenders: C,
  log: (line: string) => void,
): Promise<{ [K in keyof C]: Measurement }> {
  if (rounds < 1) throw new RangeError(`bestOfInterleaved needs at least one round, not ${rounds}`);
  const best: (Measurement | undefined)[] = contenders.map(() => undefined);
  for (let round = 0; round < rounds; round++) {
    const order = contenders.map((_, index) => index);
    if (round % 2 === 1) order.reverse();
    for (const index of order) {
      const measurement = await contenders[index]!.run(round);
      const cpu = measurement.cpu ? ` (CPU: broker ${seconds(measurement.cpu.brokerMs)}, client ${seconds(measurement.cpu.clientMs)})` : '';
      log(`  round ${round + 1}/${rounds} · ${contenders[index]!.name}: ${seconds(measurement.elapsedMs)}${cpu}`);
      if (!best[index] || measurement.elapsedMs < best[index]!.elapsedMs) best[index] = measurement;
    }
  }
  return best.map((measurement) => measurement!) as { [K in keyof C]: Measurement };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}
