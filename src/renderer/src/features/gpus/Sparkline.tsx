import { sparklinePoints } from './sparkline-path';

const WIDTH = 160;
const HEIGHT = 32;

export function Sparkline({ values, max, label }: { values: Array<number | null>; max: number; label: string }) {
  return (
    <svg className="sparkline" width={WIDTH} height={HEIGHT} role="img" aria-label={label}>
      <polyline points={sparklinePoints(values, max, WIDTH, HEIGHT)} fill="none" strokeWidth="1.5" />
    </svg>
  );
}
