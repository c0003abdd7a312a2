import { useEffect, useRef } from 'react';
import type { TopicView } from '@lanes/events';
import { useDashboard } from '../state/dashboard-store';
import { useView } from '../state/view-store';
import { LaneLabels } from './lane-labels';
import { LaneTooltip } from './lane-tooltip';
import { installLanesDebug } from './lanes-debug';
import { LanesEmpty } from './lanes-empty';
import { LanesLegend } from './lanes-legend';
import { LanesScene } from './lanes-scene';
import { useLanesUi } from './lanes-ui-store';
import './lanes.css';

installLanesDebug();

const LABEL_WIDTH = { normal: 92, presenter: 132 } as const;

/**
 * The partition lanes: React renders the frame (title, legend, lane labels, tooltip) and two
 * stacked canvases that LanesScene draws outside React: a static layer redrawn when something
 * changed and an animated layer for flights, driven by one requestAnimationFrame loop.
 */
export function LanesView() {
  const topicName = useView((v) => v.topic);
  const topic = useDashboard((s) => s.topics.find((t) => t.name === topicName) ?? null);
  const connected = useDashboard((s) => s.link === 'open');
  return topic ? <LanesStage topic={topic} /> : <LanesEmpty connected={connected} />;
}

function LanesStage({ topic }: { topic: TopicView }) {
  const presenter = useView((v) => v.presenter);
  const labelWidth = presenter ? LABEL_WIDTH.presenter : LABEL_WIDTH.normal;
  const scroller = useRef<HTMLDivElement>(null);
  const staticCanvas = useRef<HTMLCanvasElement>(null);
  const motionCanvas = useRef<HTMLCanvasElement>(null);
  const scene = useRef<LanesScene | null>(null);
  const height = useLanesUi((ui) => ui.layout?.height ?? 0);

  useEffect(() => {
    if (!scroller.current || !staticCanvas.current || !motionCanvas.current) return;
    const created = new LanesScene({ scroller: scroller.current, staticCanvas: staticCanvas.current, motionCanvas: motionCanvas.current, labelWidth });
    scene.current = created;
    created.start();
    return () => {
      created.destroy();
      scene.current = null;
    };
  }, [labelWidth]);

  const partitions = topic.partitions.length;
  return (
    <div className="lanes-view panel">
      <header className="lanes-header">
        <h2>
          {topic.name} <span className="muted">· {partitions} partition{partitions === 1 ? '' : 's'}</span>
        </h2>
        <LanesLegend topic={topic.name} />
      </header>
      <div className="lanes-body">
        <div
          ref={scroller}
          className="lanes-scroller"
          onPointerMove={(event) => scene.current?.hover(event.clientX, event.clientY)}
          onPointerLeave={() => scene.current?.leave()}
        >
          <div className="lanes-stage" style={{ height }}>
            <LaneLabels topic={topic} labelWidth={labelWidth} />
            <canvas ref={staticCanvas} className="lanes-static" style={{ left: labelWidth }} role="img" aria-label={`Records of ${topic.name} by partition and offset; hover a cell for details`} />
          </div>
        </div>
        <canvas ref={motionCanvas} className="lanes-motion" aria-hidden="true" />
        <LaneTooltip />
      </div>
    </div>
  );
}
