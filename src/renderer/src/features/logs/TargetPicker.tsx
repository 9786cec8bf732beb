import { memo, useMemo } from 'react';
import type { LogTarget } from '@shared/schemas/logs';
import { useBerthStore } from '../../stores/store';
import { targetKey } from './logs-target';

interface TargetOption {
  key: string;
  label: string;
  target: LogTarget;
}

/** Projects, their services, and every container, from the containers the app already knows. */
function useTargetOptions(): TargetOption[] {
  const containers = useBerthStore((state) => state.containers);
  return useMemo(() => {
    const projects = new Map<string, Set<string>>();
    for (const container of Object.values(containers)) {
      if (!container.compose) continue;
      const services = projects.get(container.compose.project) ?? new Set<string>();
      services.add(container.compose.service);
      projects.set(container.compose.project, services);
    }
    const options: TargetOption[] = [];
    const option = (label: string, target: LogTarget) => options.push({ key: targetKey(target), label, target });
    for (const [project, services] of [...projects].sort(([a], [b]) => a.localeCompare(b))) {
      option(`Project ${project} (all services)`, { kind: 'project', project });
      for (const service of [...services].sort())
        option(`  ${project} / ${service}`, { kind: 'service', project, service });
    }
    const sorted = Object.values(containers).sort((a, b) => a.name.localeCompare(b.name));
    for (const container of sorted) option(`Container ${container.name}`, { kind: 'container', id: container.id });
    return options;
  }, [containers]);
}

/** How a target the list doesn't offer (no container behind it) reads: never as raw JSON. */
export function unlistedLabel(target: LogTarget): string {
  if (target.kind === 'service') return `${target.project} / ${target.service} (no container yet)`;
  if (target.kind === 'project') return `Project ${target.project} (no containers yet)`;
  if (target.kind === 'swarm-service') return `Swarm service ${target.name} (all tasks)`;
  return `Container ${target.id.slice(0, 12)} (gone)`;
}

export const TargetPicker = memo(function TargetPicker({
  target,
  onChange,
}: {
  target: LogTarget | null;
  onChange(target: LogTarget): void;
}) {
  const options = useTargetOptions();
  const selected = target ? targetKey(target) : '';
  const known = options.some((option) => option.key === selected);
  return (
    <select
      className="logs-target"
      data-testid="logs-target"
      aria-label="Show logs of"
      value={selected}
      onChange={(event) => {
        const option = options.find((candidate) => candidate.key === event.target.value);
        if (option) onChange(option.target);
      }}
    >
      <option value="" disabled>
        Choose a project, service or container…
      </option>
      {!known && target && <option value={selected}>{unlistedLabel(target)}</option>}
      {options.map((option) => (
        <option key={option.key} value={option.key}>
          {option.label}
        </option>
      ))}
    </select>
  );
});
