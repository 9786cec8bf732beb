/** A Compose healthcheck as readiness and liveness probes (an exec probe, with the same timing). */
import { nanoseconds } from '../compose/engine/spec/units';
import type { HealthcheckConfig } from '../compose/model/service';
import type { ExportContext } from './export-context';

export interface Probe {
  exec: { command: string[] };
  periodSeconds?: number;
  timeoutSeconds?: number;
  failureThreshold?: number;
  initialDelaySeconds?: number;
}

export function probeFrom(
  context: ExportContext,
  service: string,
  healthcheck: HealthcheckConfig | undefined,
): Probe | undefined {
  if (!healthcheck || healthcheck.disable) return undefined;
  const [kind, ...rest] = healthcheck.test ?? [];
  let command: string[];
  if (kind === 'CMD') command = rest;
  else if (kind === 'CMD-SHELL') command = ['/bin/sh', '-c', rest.join(' ')];
  else if (kind === 'NONE' || kind === undefined) return undefined;
  else command = ['/bin/sh', '-c', [kind, ...rest].join(' ')];
  if (!command.length) return undefined;
  if (healthcheck.start_interval)
    context.note(
      service,
      'healthcheck.start_interval',
      'unmapped',
      'Kubernetes probes have one period; start_interval is not kept',
    );
  return {
    exec: { command },
    periodSeconds: wholeSeconds(healthcheck.interval),
    timeoutSeconds: wholeSeconds(healthcheck.timeout),
    failureThreshold: healthcheck.retries,
    initialDelaySeconds: wholeSeconds(healthcheck.start_period),
  };
}

/** Probes count in whole seconds, at least 1. */
function wholeSeconds(duration: string | undefined): number | undefined {
  const ns = nanoseconds(duration);
  return ns === undefined ? undefined : Math.max(1, Math.round(ns / 1e9));
}
