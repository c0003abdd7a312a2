import { describeKey, keyBytes, type RecordKey } from '../key-bytes';
import { PartitioningError, step, type PartitionChoice } from '../partition-choice';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** What Python's int() accepts in base 10: optional sign, digits with single underscores between, surrounding whitespace. */
const PYTHON_INT = /^\s*([+-]?)(\d+(?:_\d+)*)\s*$/;

/**
 * The custom partitioner of the kafka-python lab in Lanes' seeds:
 *   return int(key.decode('UTF-8')) % len(all_partitions)
 * Python integers are unbounded and `%` with a positive divisor is never negative, so BigInt and a
 * floored modulo reproduce it for any key, including "-4" (→ 2 of 3).
 */
export function numericModuloPartition(key: RecordKey | null, partitionCount: number): PartitionChoice {
  if (key === null) {
    throw new PartitioningError('The numeric-modulo partitioner needs a key: the lab code calls key.decode() and fails on None. Give the record a numeric key such as "42".');
  }
  let text: string;
  try {
    text = typeof key === 'string' ? key : strictUtf8.decode(keyBytes(key));
  } catch {
    throw new PartitioningError(`The numeric-modulo partitioner needs a UTF-8 key; ${describeKey(key)} is not valid UTF-8.`);
  }
  const match = PYTHON_INT.exec(text);
  if (!match) {
    throw new PartitioningError(`The numeric-modulo partitioner needs a whole-number key such as "42"; ${describeKey(key)} is not one (Python: invalid literal for int() with base 10).`);
  }
  const value = BigInt(`${match[1] ?? ''}${(match[2] ?? '').replace(/_/g, '')}`);
  const count = BigInt(partitionCount);
  const partition = Number(((value % count) + count) % count);
  return {
    partition,
    explanation: `int(${describeKey(key)}) = ${value} → % ${partitionCount} = ${partition}`,
    steps: [step('int(key)', value.toString()), step(`% ${partitionCount} (partition count)`, partition)],
  };
}
