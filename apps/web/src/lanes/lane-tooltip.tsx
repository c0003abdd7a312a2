import { formatCount, previewValue } from './lane-format';
import { useLanesUi, type LaneHover } from './lanes-ui-store';

/** Describes what the pointer is over: a record's key, value, partition, offset, time and producer. */
export function LaneTooltip() {
  const hover = useLanesUi((ui) => ui.hover);
  if (!hover) return null;
  return (
    <div className="lane-tooltip" role="tooltip" style={{ left: hover.left, top: hover.top }}>
      <TooltipBody hover={hover} />
    </div>
  );
}

function TooltipBody({ hover }: { hover: LaneHover }) {
  switch (hover.kind) {
    case 'record': {
      const { record } = hover;
      return (
        <dl>
          <dt>key</dt>
          <dd>{record.key === null ? <em>no key</em> : record.key}</dd>
          <dt>value</dt>
          <dd>
            {previewValue(record.value)}
            {record.valueBytes > record.value.length ? <span className="muted"> ({formatCount(record.valueBytes)} bytes)</span> : null}
          </dd>
          <dt>where</dt>
          <dd>
            partition {record.partition}, offset {formatCount(record.offset)}
          </dd>
          <dt>time</dt>
          <dd>{new Date(record.timestamp).toLocaleTimeString(undefined, { hour12: false, hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3 })}</dd>
          <dt>from</dt>
          <dd>{producerName(record.producer)}</dd>
        </dl>
      );
    }
    case 'unknown':
      return (
        <p>
          P{hover.partition} offset {formatCount(hover.offset)}: written before this page connected; its content is not in the browser&apos;s recent buffer.
        </p>
      );
    case 'deleted':
      return (
        <p>
          P{hover.partition} offset {formatCount(hover.offset)}: deleted by retention. The log now starts at offset {formatCount(hover.logStartOffset)}.
        </p>
      );
    case 'compressed': {
      const deleted = Math.min(hover.logStartOffset, hover.toOffset + 1);
      return (
        <p>
          P{hover.partition} offsets {formatCount(hover.fromOffset)}…{formatCount(hover.toOffset)} are compressed to keep the lane readable
          {deleted > 0 ? `; ${formatCount(deleted)} of them were deleted by retention` : ''}.
        </p>
      );
    }
  }
}

function producerName(producer: string | undefined): string {
  if (producer === 'panel') return 'the producer panel';
  if (producer === 'load') return 'the load generator';
  return producer ? `outside client "${producer}"` : 'an outside client';
}
