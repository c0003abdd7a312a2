import { scaleBand, scaleLinear } from 'd3-scale';
import { useElementSize } from './use-element-size';

const MARGIN = { top: 8, right: 4, bottom: 22, left: 40 };

interface HistogramChartProps {
  counts: readonly number[];
  mean: number;
  /** The partition to draw as hot, or null when the spread is even. */
  hot: number | null;
  description: string;
}

/** Bars per partition with the mean as a dashed line; drawn at its real pixel size so text stays readable. */
export function HistogramChart({ counts, mean, hot, description }: HistogramChartProps) {
  const [ref, size] = useElementSize<HTMLDivElement>();
  const width = Math.max(120, size.width);
  const height = Math.max(80, size.height);
  const max = Math.max(1, ...counts);

  const x = scaleBand<number>()
    .domain(counts.map((_, i) => i))
    .range([MARGIN.left, width - MARGIN.right])
    .paddingInner(counts.length > 24 ? 0.1 : 0.2);
  const y = scaleLinear().domain([0, max]).nice(4).range([height - MARGIN.bottom, MARGIN.top]);
  // Room for about one "P12" label per 30 px.
  const labelEvery = Math.max(1, Math.ceil(counts.length / Math.max(1, Math.floor((width - MARGIN.left) / 30))));

  return (
    <div className="histogram-chart" ref={ref}>
      <svg width={width} height={height} role="img" aria-label={description}>
        {y
          .ticks(4)
          .filter(Number.isInteger)
          .map((tick) => (
            <g key={tick} className="tick">
              <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(tick)} y2={y(tick)} />
              <text x={MARGIN.left - 4} y={y(tick)} textAnchor="end" dominantBaseline="middle">
                {tick.toLocaleString()}
              </text>
            </g>
          ))}
        {counts.map((count, partition) => (
          <rect key={partition} className={partition === hot ? 'bar hot' : 'bar'} x={x(partition)} width={x.bandwidth()} y={y(count)} height={y(0) - y(count)}>
            <title>{`P${partition}: ${count.toLocaleString()} records`}</title>
          </rect>
        ))}
        {mean > 0 && (
          <g className="mean">
            <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(mean)} y2={y(mean)} />
            <text x={width - MARGIN.right} y={y(mean) - 4} textAnchor="end">
              mean
            </text>
          </g>
        )}
        {counts.map((_, partition) =>
          partition % labelEvery === 0 ? (
            <text key={partition} x={(x(partition) ?? 0) + x.bandwidth() / 2} y={height - 5} textAnchor="middle">
              P{partition}
            </text>
          ) : null,
        )}
      </svg>
    </div>
  );
}
