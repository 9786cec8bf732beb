/** docker/go-units RAMInBytes (binary units, optional `b`/`ib` suffix), used for mem_limit, shm_size, tmpfs size… */
export class UnitsError extends Error {}

const SIZE = /^(\d+(?:\.\d+)?) ?([kKmMgGtTpP])?[iI]?[bB]?$/;
const MULTIPLIERS: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

export function ramInBytes(text: string): number {
  const match = SIZE.exec(text);
  if (match === null) throw new UnitsError(`invalid size: '${text}'`);
  const amount = Number.parseFloat(match[1]!);
  const unit = match[2]?.toLowerCase();
  const multiplier = unit === undefined ? 1 : MULTIPLIERS[unit]!;
  return Math.trunc(amount * multiplier);
}

/** A byte size from YAML: integers are taken as bytes, strings parsed with units. */
export function normalizeBytes(value: unknown): number {
  if (typeof value === 'number') return Math.trunc(value);
  return ramInBytes(String(value));
}
