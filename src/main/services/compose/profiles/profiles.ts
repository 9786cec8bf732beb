/**
 * Profiles: a service without `profiles` is always enabled; one with profiles is enabled when one of them is
 * active (`*` activates all). Services named on the command line bring their own profiles along.
 */
import type { ComposeService } from '../model/project';
import { emptyMap } from '../util/plain-data';

export const ALL_PROFILES = '*';
/** With no profile requested Compose activates the empty profile, so `profiles: [""]` services start by default. */
export const DEFAULT_PROFILES: readonly string[] = [''];

export function isServiceEnabled(service: ComposeService, activeProfiles: readonly string[]): boolean {
  const profiles = service.profiles ?? [];
  if (profiles.length === 0) return true;
  return activeProfiles.some((active) => active === ALL_PROFILES || profiles.includes(active));
}

export function activeProfilesFor(
  services: Record<string, ComposeService>,
  requested: readonly string[],
  namedServices: readonly string[],
): string[] {
  const profiles = [...requested];
  for (const name of namedServices) {
    const service = services[name];
    if (service !== undefined && !isServiceEnabled(service, requested)) profiles.push(...(service.profiles ?? []));
  }
  return profiles;
}

export function splitByProfiles(
  services: Record<string, ComposeService>,
  activeProfiles: readonly string[],
): { enabled: Record<string, ComposeService>; disabled: Record<string, ComposeService> } {
  const enabled = emptyMap<ComposeService>();
  const disabled = emptyMap<ComposeService>();
  for (const [name, service] of Object.entries(services)) {
    if (isServiceEnabled(service, activeProfiles)) enabled[name] = service;
    else disabled[name] = service;
  }
  return { enabled, disabled };
}

/** Every profile any service declares, sorted (what `config --profiles` prints). */
export function declaredProfiles(services: Record<string, ComposeService>): string[] {
  const all = new Set<string>();
  for (const service of Object.values(services)) for (const profile of service.profiles ?? []) all.add(profile);
  return [...all].sort();
}
