import { useEffect, useState } from 'react';
import type { TopicView } from '@lanes/events';
import { recordStream } from './record-stream';

export interface LaneOffsets {
  logStartOffset: number;
  endOffset: number;
}

const REFRESH_MS = 250;

/**
 * Each lane's log start and log end offsets for the React frame, refreshed four times a second and
 * only committed when a number changed: text people read does not need 60 updates a second, and
 * React stays far below its commit budget at any record rate.
 */
export function useLaneOffsets(topic: TopicView): LaneOffsets[] {
  const [offsets, setOffsets] = useState<LaneOffsets[]>(() => readOffsets(topic));
  useEffect(() => {
    const refresh = () => setOffsets((previous) => {
      const next = readOffsets(topic);
      return sameOffsets(previous, next) ? previous : next;
    });
    refresh();
    const timer = window.setInterval(refresh, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [topic]);
  return offsets;
}

export function readOffsets(topic: TopicView): LaneOffsets[] {
  return topic.partitions.map((partition) => ({
    logStartOffset: partition.logStartOffset,
    endOffset: Math.max(partition.logEndOffset, recordStream.history(topic.name, partition.partition).endOffset),
  }));
}

export function sameOffsets(a: readonly LaneOffsets[], b: readonly LaneOffsets[]): boolean {
  return a.length === b.length && a.every((lane, i) => lane.logStartOffset === b[i]!.logStartOffset && lane.endOffset === b[i]!.endOffset);
}
