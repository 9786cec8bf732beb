/**
 * A service's build `secrets:` as the session serves them: each id (the entry's `target`, else its `source`) reads
 * the top-level secret's file or environment variable when the build asks. Values are not read here.
 */
import { isAbsolute, resolve } from 'node:path';
import { BerthError } from '@shared/errors';
import type { ComposeProject } from '../compose/model/project';
import type { BuildConfig } from '../compose/model/service';
import type { SecretSource } from './session/secrets-provider';

export function buildSecrets(project: ComposeProject, service: string, build: BuildConfig): Map<string, SecretSource> {
  const sources = new Map<string, SecretSource>();
  for (const entry of build.secrets ?? []) {
    const definition = project.model.secrets?.[entry.source];
    const id = entry.target ?? entry.source;
    if (!definition) {
      throw new BerthError(
        'E_COMPOSE_INVALID',
        `service "${service}" builds with secret "${entry.source}", which is not defined`,
        {
          fix: `Define it under the top-level secrets: with a file: or an environment: entry.`,
        },
      );
    }
    if (definition.file) {
      const file = isAbsolute(definition.file) ? definition.file : resolve(project.workingDir, definition.file);
      sources.set(id, { file });
    } else if (definition.environment) {
      sources.set(id, { environment: definition.environment, value: project.environment[definition.environment] });
    } else {
      throw new BerthError(
        'E_COMPOSE_INVALID',
        `service "${service}" builds with secret "${entry.source}", which has neither a file nor an environment variable`,
        {
          fix: 'Builds can read a secret from a file: or an environment: entry; external secrets are for swarm services.',
        },
      );
    }
  }
  return sources;
}
