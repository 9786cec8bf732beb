/** Conversions from the model's Go-formatted values to the numbers the Engine API takes. */
import { parseGoDuration } from '../../util/go-duration';

/** Byte sizes are written as decimal strings in the model ("536870912"). */
export function bytes(value: string | number | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

export function nanoseconds(duration: string | undefined): number | undefined {
  return duration ? Number(parseGoDuration(duration)) : undefined;
}

export function seconds(duration: string | undefined): number | undefined {
  const ns = nanoseconds(duration);
  return ns === undefined ? undefined : Math.floor(ns / 1e9);
}

export function nanoCpus(cpus: number | string | undefined): number | undefined {
  if (cpus === undefined || cpus === '') return undefined;
  const number = Number(cpus);
  return number ? Math.round(number * 1e9) : undefined;
}
