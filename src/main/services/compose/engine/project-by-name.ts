/** A project known only by its name (its Compose files are gone): enough for `down -p NAME`, `ps`, `stop`. */
import type { ComposeProject } from '../model/project';

export function projectByName(name: string): ComposeProject {
  return {
    model: { name, services: {} },
    name,
    workingDir: '',
    configFiles: [],
    berthFiles: [],
    environment: {},
    profiles: [],
    disabledServices: {},
    warnings: [],
  };
}
