/**
 * The lesson of adding partitions ("changing the partition count" in the seeds): hash % count
 * changes with the count, so keys already in use start landing in other partitions, and per-key
 * order across the change is no longer guaranteed. Kafka moves no existing records.
 */

export interface MovedKey {
  key: string;
  from: number;
  to: number;
}

export interface MovedKeysInput {
  before: number;
  after: number;
  /** From the gateway's `partitions:add` answer: recent keys the same partitioner now sends elsewhere. */
  movedKeys: readonly MovedKey[];
  /** How many recent keys the gateway compared, when it says. */
  keysChecked?: number;
  /** The partitioner that placed them ("kafkajs (Java murmur2)"), when known. */
  partitionerLabel?: string;
}

export interface MovedKeysSummary {
  /** The whole story in one sentence, for the timeline: "After going 3 → 4 partitions, 5 of 12 recent keys now go elsewhere: u1 p2→p3, …". */
  sentence: string;
  /** The same without the moves, to stand above a list of them: "…, 5 of 12 recent keys now go elsewhere:". */
  headline: string;
  /** Every move, "u1 p2→p3", for a list under the headline. */
  moves: string[];
  /** What it means for ordering; null when nothing moved. */
  lesson: string | null;
  /** How to see the lesson when there were no keys to move; null otherwise. */
  tip: string | null;
}

/** Moves named inside the headline; the rest are counted ("and 7 more"). */
const INLINE_MOVES = 6;

export function describeMove({ key, from, to }: MovedKey): string {
  return `${key} p${from}→p${to}`;
}

export function movedKeysSummary({ before, after, movedKeys, keysChecked, partitionerLabel }: MovedKeysInput): MovedKeysSummary {
  const change = `After going ${before} → ${after} partitions`;
  const moves = movedKeys.map(describeMove);
  const by = partitionerLabel ? ` (placed by the ${partitionerLabel} partitioner)` : '';
  if (moves.length === 0) {
    if (keysChecked && keysChecked > 0) {
      const sentence = `${change}, all ${keysChecked} recent ${plural(keysChecked, 'key')}${by} still go to the same partition.`;
      return { sentence, headline: sentence, moves, lesson: null, tip: null };
    }
    const sentence = `${change}, none of the keys Lanes produced recently moved.`;
    return {
      sentence,
      headline: sentence,
      moves,
      lesson: null,
      tip: 'Produce some keyed records (u1 … u9), then add a partition again to watch keys move.',
    };
  }
  const count = keysChecked && keysChecked >= moves.length ? `${moves.length} of ${keysChecked} recent ${plural(keysChecked, 'key')}` : `${moves.length} recent ${plural(moves.length, 'key')}`;
  const shown = moves.slice(0, INLINE_MOVES).join(', ');
  const more = moves.length > INLINE_MOVES ? ` and ${moves.length - INLINE_MOVES} more` : '';
  const headline = `${change}, ${count}${by} now ${moves.length === 1 ? 'goes' : 'go'} elsewhere:`;
  return {
    sentence: `${headline} ${shown}${more}.`,
    headline,
    moves,
    lesson:
      'Records already written stay where they are. New records with a moved key land in its new partition, so a consumer can read them before that key’s older records: Kafka keeps order only within one partition.',
    tip: null,
  };
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}
