import { sparklinePoints } from './sparkline-path';

export function Sparkline({
  values,
  max,
  label,
  width = 160,
  height = 32,
}: {
  values: Array<number | null>;
  max: number;
  label: string;
  width?: number;
  height?: number;
}) {
  return (
    <svg className="sparkline" width={width} height={height} role="img" aria-label={label}>
      <polyline points={sparklinePoints(values, max, width, height)} fill="none" strokeWidth="1.5" />
    </svg>
  );
}
