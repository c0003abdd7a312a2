import { describeBytes, describeKey, keyBytesLabel, type RecordKey } from '../key-bytes';
import { step, type PartitionChoice, type PartitionStep } from '../partition-choice';

/** One transformation between the raw hash and the modulo, e.g. "& 0x7fffffff". */
export interface HashTransform {
  readonly operation: string;
  readonly result: number;
}

export interface HashedChoiceParts {
  readonly key: RecordKey;
  readonly bytes: Uint8Array;
  /** How the hash is named in the explanation, e.g. "murmur2". */
  readonly hashName: string;
  /** The raw hash as the algorithm returns it (signed for murmur2, unsigned for crc32). */
  readonly hash: number;
  readonly hashDisplay?: string;
  readonly transforms?: readonly HashTransform[];
  readonly partitionCount: number;
  /** Appended in parentheses: what a reader should know (precision loss, a seed's other claim). */
  readonly note?: string;
}

/**
 * Builds "hash(key) = h → op → v → % n = p" and the matching steps, for every hash-mod-n partitioner.
 * The value reaching the modulo is non-negative below 2^32, so `%` is exact on JS numbers.
 */
export function hashedChoice(parts: HashedChoiceParts): PartitionChoice {
  const transforms = parts.transforms ?? [];
  const beforeModulo = transforms.length > 0 ? (transforms[transforms.length - 1]?.result ?? parts.hash) : parts.hash;
  const partition = beforeModulo % parts.partitionCount;
  const hashText = parts.hashDisplay ?? String(parts.hash);
  const chain = [`${parts.hashName}(${describeKey(parts.key)}) = ${hashText}`];
  for (const transform of transforms) chain.push(`${transform.operation} → ${transform.result}`);
  chain.push(`% ${parts.partitionCount} = ${partition}`);
  const steps: PartitionStep[] = [
    step(keyBytesLabel(parts.key), describeBytes(parts.bytes)),
    step(parts.hashName, hashText),
    ...transforms.map((transform) => step(transform.operation, transform.result)),
    step(`% ${parts.partitionCount} (partition count)`, partition),
  ];
  if (parts.note) steps.push(step('note', parts.note));
  const explanation = chain.join(' → ') + (parts.note ? ` (${parts.note})` : '');
  return { partition, explanation, steps };
}
