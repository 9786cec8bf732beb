/** The services' depends_on graph: who waits for whom, in which order they come up and go down. */
import { BerthError } from '@shared/errors';
import type { ComposeModel } from '../../model/project';

export type DependencyCondition = 'service_started' | 'service_healthy' | 'service_completed_successfully';

export interface Dependency {
  service: string;
  condition: DependencyCondition;
  restart: boolean;
  required: boolean;
}

export function dependenciesOf(model: ComposeModel, service: string): Dependency[] {
  const dependsOn = model.services[service]?.depends_on ?? {};
  return (
    Object.entries(dependsOn)
      .map(([name, config]) => ({
        service: name,
        condition: (config.condition || 'service_started') as DependencyCondition,
        restart: config.restart ?? false,
        required: config.required ?? true,
      }))
      // Byte order, as Go sorts names: the order services start in (and `config --services` prints) is Compose's.
      .sort((a, b) => (a.service < b.service ? -1 : a.service > b.service ? 1 : 0))
  );
}

export function dependentsOf(model: ComposeModel, service: string): string[] {
  return Object.keys(model.services).filter((name) => dependenciesOf(model, name).some((d) => d.service === service));
}

/**
 * Services ordered so each comes after what it depends on (dependencies missing from the model are skipped:
 * they are `required: false` or outside the selection). Throws on a cycle, naming it.
 */
export function dependencyOrder(
  model: ComposeModel,
  services: Iterable<string> = Object.keys(model.services),
): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, path: string[]) => {
    if (state.get(name) === 'done' || !model.services[name]) return;
    if (state.get(name) === 'visiting') {
      const cycle = [...path.slice(path.indexOf(name)), name].join(' -> ');
      throw new BerthError('E_COMPOSE_INVALID', `dependency cycle detected: ${cycle}`, {
        fix: 'Remove one of the depends_on entries that form the cycle.',
      });
    }
    state.set(name, 'visiting');
    for (const dependency of dependenciesOf(model, name)) visit(dependency.service, [...path, name]);
    state.set(name, 'done');
    order.push(name);
  };
  for (const name of [...services].sort()) visit(name, []);
  return order;
}

/** The named services plus everything they depend on, transitively (what `up SERVICE` brings up). */
export function withDependencies(model: ComposeModel, services: readonly string[]): Set<string> {
  const selected = new Set<string>();
  const add = (name: string) => {
    if (selected.has(name) || !model.services[name]) return;
    selected.add(name);
    for (const dependency of dependenciesOf(model, name)) add(dependency.service);
  };
  services.forEach(add);
  return selected;
}

/** The named services plus everything that depends on them, transitively (what `stop SERVICE` must stop first). */
export function withDependents(model: ComposeModel, services: readonly string[]): Set<string> {
  const selected = new Set<string>();
  const add = (name: string) => {
    if (selected.has(name)) return;
    selected.add(name);
    dependentsOf(model, name).forEach(add);
  };
  services.forEach(add);
  return selected;
}
