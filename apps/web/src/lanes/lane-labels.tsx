import type { TopicView } from '@lanes/events';
import { formatCount, offsetRangeLabel } from './lane-format';
import { useLaneOffsets } from './lane-offsets';
import { useLanesUi } from './lanes-ui-store';

/**
 * The static frame beside the canvas: "P0".."Pn" with each lane's offsets, and the empty-lane
 * prompt. Real text, so it is readable by screen readers and findable by the e2e journeys
 * (data-partition, data-log-start, data-log-end).
 */
export function LaneLabels({ topic, labelWidth }: { topic: TopicView; labelWidth: number }) {
  const layout = useLanesUi((ui) => ui.layout);
  const offsets = useLaneOffsets(topic);
  if (!layout) return null;
  const roomy = layout.laneHeight >= (layout.fontSize + 2) * 2 + 4;
  return (
    <>
      <ol className="lane-labels" style={{ width: labelWidth }} aria-label={`Partitions of ${topic.name}`}>
        {layout.lanes.map((lane) => {
          const laneOffsets = offsets[lane.partition] ?? { logStartOffset: 0, endOffset: 0 };
          const range = offsetRangeLabel(laneOffsets.logStartOffset, laneOffsets.endOffset);
          const records = Math.max(0, laneOffsets.endOffset - laneOffsets.logStartOffset);
          const description = `Partition ${lane.partition}: log start offset ${formatCount(laneOffsets.logStartOffset)}, log end offset ${formatCount(laneOffsets.endOffset)}, ${formatCount(records)} record${records === 1 ? '' : 's'} kept`;
          return (
            <li
              key={lane.partition}
              className="lane-label"
              style={{ top: lane.y, height: lane.height }}
              data-partition={lane.partition}
              data-log-start={laneOffsets.logStartOffset}
              data-log-end={laneOffsets.endOffset}
              title={description}
              aria-label={description}
            >
              <span className="lane-name">P{lane.partition}</span>
              {roomy ? <span className="lane-range">{range}</span> : null}
            </li>
          );
        })}
      </ol>
      {layout.lanes.map((lane) =>
        (offsets[lane.partition]?.endOffset ?? 0) === 0 ? (
          <p key={lane.partition} className="lane-waiting muted" style={{ top: lane.y + layout.cellTop, height: layout.cellHeight, left: labelWidth + layout.cellsLeft + layout.pitch + 8 }}>
            offset 0 — waiting for the first record
          </p>
        ) : null,
      )}
    </>
  );
}
