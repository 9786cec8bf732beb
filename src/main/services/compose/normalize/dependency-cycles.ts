/**
 * `depends_on` (with the dependencies links, `service:` namespaces and volumes_from add) must not loop. Searched as
 * compose-go does — services and their dependencies in name order, depth first — so the cycle named in the
 * error is the one Compose names (`dependency cycle detected: a -> b -> a`). A service already searched without
 * finding a cycle is not searched again, which keeps large graphs linear.
 */
import { composeInvalidError } from '../errors/compose-errors';
import type { ComposeService } from '../model/service';

export function checkDependencyCycles(services: Readonly<Record<string, ComposeService>>): void {
  const acyclic = new Set<string>();
  const dependenciesOf = (name: string) =>
    Object.keys(services[name]?.depends_on ?? {})
      .filter((dependency) => Object.hasOwn(services, dependency))
      .sort();
  const search = (path: string[]): void => {
    const current = path[path.length - 1]!;
    if (acyclic.has(current)) return;
    for (const dependency of dependenciesOf(current)) {
      const start = path.indexOf(dependency);
      if (start >= 0) {
        throw composeInvalidError(`dependency cycle detected: ${[...path.slice(start), dependency].join(' -> ')}`, {
          path: `services.${current}.depends_on`,
        });
      }
      search([...path, dependency]);
    }
    acyclic.add(current);
  };
  for (const name of Object.keys(services).sort()) search([name]);
}
