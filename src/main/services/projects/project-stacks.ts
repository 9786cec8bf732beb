import path from 'node:path';
import type { Stack } from '@shared/schemas/projects';
import type { ComposeProject } from '../compose/model/project';
import { servicesByFile, stackLabel } from './compose-file-stacks';

/**
 * Stacks a user toggles: one per compose file that declares services outside profiles, then one per profile.
 * A service with profiles belongs to its profiles only, since bringing up its file's stack wouldn't start it.
 */
export function projectStacks(project: ComposeProject, berthFiles: ReadonlySet<string> = new Set()): Stack[] {
  const all = { ...project.model.services, ...project.disabledServices };
  const profilesOf = (service: string) => all[service]?.profiles ?? [];
  const stacks: Stack[] = [];
  const userFiles = project.configFiles.filter((file) => !berthFiles.has(file));
  for (const { file, services } of servicesByFile(userFiles)) {
    const members = services.filter((service) => service in all && profilesOf(service).length === 0);
    if (members.length === 0) continue;
    const relative = path.relative(project.workingDir, file);
    stacks.push({
      id: `file:${relative}`,
      label: stackLabel(file, project.workingDir),
      kind: 'file',
      file: relative,
      services: members,
    });
  }
  const profiles = [...new Set(Object.keys(all).flatMap(profilesOf))].sort();
  for (const profile of profiles) {
    const members = Object.keys(all).filter((service) => profilesOf(service).includes(profile));
    stacks.push({ id: `profile:${profile}`, label: profile, kind: 'profile', file: null, services: members });
  }
  return disambiguateLabels(stacks);
}

/** Two files both called `compose.yaml` in unrelated places would show the same label; fall back to their paths. */
function disambiguateLabels(stacks: Stack[]): Stack[] {
  const counts = new Map<string, number>();
  for (const stack of stacks) counts.set(stack.label, (counts.get(stack.label) ?? 0) + 1);
  return stacks.map((stack) =>
    (counts.get(stack.label) ?? 0) > 1 && stack.file ? { ...stack, label: stack.file } : stack,
  );
}
