import type { ContainerSummary } from '@shared/schemas/containers';
import type { Tone } from '../components/tone';
import { containerStatus, mainContainer } from './container-status';

export interface ProjectSummaryView {
  tone: Tone;
  /** "1/5 running · 4 failed", "not started", "state unknown". */
  text: string;
  running: number;
  failed: number;
  total: number;
}

/**
 * A project at a glance from its services' containers: how many run, how many failed or are struggling, and the
 * colour of the worst. `serviceCount` (from the compose files, when loaded) counts services that have no container.
 */
export function projectSummary(
  byService: ReadonlyMap<string, readonly ContainerSummary[]>,
  connected: boolean,
  serviceCount?: number,
  now = Date.now(),
): ProjectSummaryView {
  const total = Math.max(serviceCount ?? 0, byService.size);
  if (!connected) return { tone: 'unknown', text: 'state unknown', running: 0, failed: 0, total };
  let running = 0;
  let failed = 0;
  let struggling = 0;
  for (const containers of byService.values()) {
    const main = mainContainer(containers);
    if (!main) continue;
    const status = containerStatus(main, true, now);
    if (main.state === 'running') running++;
    if (status.tone === 'bad') failed++;
    else if (status.kind === 'restarting' || status.kind === 'crash-loop') struggling++;
  }
  if (byService.size === 0) return { tone: 'idle', text: 'not started', running, failed, total };
  const parts = [`${running}/${total} running`];
  if (failed > 0) parts.push(`${failed} failed`);
  if (struggling > 0) parts.push(`${struggling} restarting`);
  const tone: Tone = failed > 0 ? 'bad' : struggling > 0 ? 'warn' : running > 0 ? 'ok' : 'idle';
  return { tone, text: parts.join(' · '), running, failed, total };
}
