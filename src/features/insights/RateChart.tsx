/**
 * The rate-over-time line as a small SVG, in its own lazily loaded chunk so no
 * other screen pays for it. Decorative for assistive technology: the figure
 * around it carries the summary and a data table (ComplianceChart.tsx).
 */
import type { RatePoint } from '../../domain/compliance';

/** The plot in a 100x100 box stretched to the element's size; strokes keep their width. */
function pathOf(points: readonly RatePoint[]): string {
  const y = (rate: number) => (100 - rate * 100).toFixed(2);
  if (points.length === 1) return `M0 ${y(points[0]!.rate)} H100`;
  const step = 100 / (points.length - 1);
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${(i * step).toFixed(2)} ${y(p.rate)}`).join(' ');
}

export default function RateChart({ points }: { points: readonly RatePoint[] }) {
  const line = pathOf(points);
  return (
    <svg className="rate-chart__plot" viewBox="0 0 100 100" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      {[0, 50, 100].map((y) => (
        <line key={y} x1="0" x2="100" y1={y} y2={y} className="rate-chart__grid" vectorEffect="non-scaling-stroke" />
      ))}
      <path d={`${line} V100 H0 Z`} className="rate-chart__area" />
      <path d={line} className="rate-chart__line" vectorEffect="non-scaling-stroke" />
    </svg>
  );
}
