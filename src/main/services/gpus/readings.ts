/**
 * Cell values from GPU tools. nvidia-smi writes `[N/A]`, `[Not Supported]`, `[Unknown Error]`,
 * `[Requested functionality has been deprecated]`, bare `N/A` or an empty cell; rocm-smi writes `N/A`
 * or `N/A (Secondary die)`; old XML writes `Not Found`. All of them mean "not reported".
 */
export function reading(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const value = raw.trim();
  if (value === '' || /^\[.*\]$/.test(value) || /^N\/A\b/i.test(value) || /^not (found|supported)$/i.test(value)) {
    return null;
  }
  return value;
}

/** The leading number of a reading, ignoring a unit (`81559 MiB`, `71.15 W`, `38 %`, `27 C`); null when absent. */
export function numericReading(raw: string | null | undefined): number | null {
  const value = reading(raw);
  if (value === null) return null;
  const match = /^[-+]?\d+(?:\.\d+)?/.exec(value);
  return match ? Number(match[0]) : null;
}

export function integerReading(raw: string | null | undefined): number | null {
  const value = numericReading(raw);
  return value === null || !Number.isInteger(value) ? null : value;
}

export function bytesToMiB(bytes: number | null): number | null {
  return bytes === null ? null : Math.round(bytes / (1024 * 1024));
}
