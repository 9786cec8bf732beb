import type Docker from 'dockerode';
import { requireEngine } from '../tests/support/require-engine';

/** What every bench/*.bench.ts reports: Berth and the reference tool on the same work, in the same run. */
export interface BenchResult {
  name: string;
  berthMs: number;
  referenceMs: number;
  /** berthMs / referenceMs: below 1 means Berth is faster. */
  ratio: number;
  detail: string;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The engine the benchmarks use; a bench without one fails with the reason. */
export async function benchEngine(): Promise<Docker> {
  const engine = await requireEngine();
  if (!engine.available) throw new Error(`no Docker engine: ${engine.reason}`);
  return engine.docker;
}
