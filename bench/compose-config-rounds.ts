/** The compose-config benches' measuring loop: warm both once, then alternate which goes first; medians. */
import { median } from './bench-kit';

export async function alternatingMedians(
  rounds: number,
  berthOnce: () => Promise<number>,
  referenceOnce: () => Promise<number>,
): Promise<{ berthMs: number; referenceMs: number; firstBerthMs: number }> {
  const firstBerthMs = await berthOnce();
  await referenceOnce();
  const berth: number[] = [];
  const reference: number[] = [];
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      berth.push(await berthOnce());
      reference.push(await referenceOnce());
    } else {
      reference.push(await referenceOnce());
      berth.push(await berthOnce());
    }
  }
  return { berthMs: median(berth), referenceMs: median(reference), firstBerthMs };
}
