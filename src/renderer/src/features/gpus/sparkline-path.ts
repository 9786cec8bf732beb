/**
 * SVG polyline points for a sparkline of `values` (0…max) in a width×height box, newest on the right.
 * Missing readings (null) break nothing: they are left out.
 */
export function sparklinePoints(values: Array<number | null>, max: number, width: number, height: number): string {
  if (values.length < 2 || max <= 0) return '';
  const step = width / (values.length - 1);
  return values
    .map((value, index) => {
      if (value === null) return null;
      const clamped = Math.min(Math.max(value, 0), max);
      return `${(index * step).toFixed(1)},${(height - (clamped / max) * height).toFixed(1)}`;
    })
    .filter((point): point is string => point !== null)
    .join(' ');
}
