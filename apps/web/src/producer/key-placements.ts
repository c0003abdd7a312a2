import { PartitioningError, partitionsForKeyByProfile, type KeyPlacement } from '@lanes/partitioners';

export interface PlacementRow extends KeyPlacement {
  /** True when this profile puts the key on another partition than the reference does. */
  disagrees: boolean;
  /** True for the profile the reference comes from. */
  reference: boolean;
}

export type PlacementComparison =
  | {
      ok: true;
      rows: PlacementRow[];
      /** The partition the others are compared with: the chosen profile's, else the most common. */
      referencePartition: number | null;
      /** Distinct partitions the profiles choose, ascending. */
      partitions: number[];
      summary: string;
    }
  | { ok: false; message: string };

/**
 * "Where would this key go?" for every profile at once, in the browser, with the disagreements
 * marked: same key, different client, different partition (confluent-kafka-python#1481,
 * kafkajs#1154). The reference is the profile the person chose, so the table reads "with my
 * producer it goes to 1; a librdkafka producer would put it on 0".
 *
 * @example
 *   compareKeyPlacements('u1', 3, 'kafkajs').summary
 */
export function compareKeyPlacements(key: string, partitionCount: number, chosenProfile: string): PlacementComparison {
  if (key === '') return { ok: false, message: 'Type a key to see where each client would send it.' };
  if (!Number.isInteger(partitionCount) || partitionCount < 1) return { ok: false, message: 'Choose a topic, or type a partition count, to place the key.' };
  let placements: KeyPlacement[];
  try {
    placements = partitionsForKeyByProfile(key, partitionCount);
  } catch (error) {
    if (error instanceof PartitioningError) return { ok: false, message: error.message };
    throw error;
  }
  const chosen = placements.find((p) => p.profile === chosenProfile && p.partition !== null);
  const referencePartition = chosen ? chosen.partition : mostCommon(placements);
  const rows = placements.map((placement) => ({
    ...placement,
    reference: chosen !== undefined && placement.profile === chosen.profile,
    disagrees: placement.partition !== null && referencePartition !== null && placement.partition !== referencePartition,
  }));
  const partitions = [...new Set(placements.flatMap((p) => (p.partition === null ? [] : [p.partition])))].sort((a, b) => a - b);
  return { ok: true, rows, referencePartition, partitions, summary: summarize(rows, partitions, chosen?.label) };
}

function mostCommon(placements: readonly KeyPlacement[]): number | null {
  const counts = new Map<number, number>();
  for (const p of placements) if (p.partition !== null) counts.set(p.partition, (counts.get(p.partition) ?? 0) + 1);
  let best: number | null = null;
  let bestCount = 0;
  for (const [partition, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== null && partition < best)) {
      best = partition;
      bestCount = count;
    }
  }
  return best;
}

function summarize(rows: readonly PlacementRow[], partitions: readonly number[], chosenLabel: string | undefined): string {
  const placed = rows.filter((row) => row.partition !== null).length;
  if (partitions.length === 0) return 'No profile can place this key by itself.';
  if (partitions.length === 1) return `All ${placed} profiles that hash keys agree: partition ${partitions[0]}.`;
  const disagreeing = rows.filter((row) => row.disagrees).length;
  const against = chosenLabel ? `than ${chosenLabel}` : 'than most';
  return `Same key, different client, different partition: ${disagreeing} of ${placed} profiles pick another partition ${against} (partitions ${partitions.join(', ')}).`;
}
