import type { StreamHub } from '../stream/stream-hub';

/** The part of the StreamHub a managed group streams through (tests give a recording object). */
export interface GroupHub {
  emit: StreamHub['emit'];
  publishConsumed: StreamHub['publishConsumed'];
}
