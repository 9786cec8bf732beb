/**
 * `additional_contexts` on an engine whose build API has no named contexts: each becomes an image the Dockerfile's
 * references are rewritten to. `docker-image://ref` is that image, `service:name` the image of that service, and a
 * directory is first built into a temporary image holding its files (`FROM scratch`, `COPY . /`). References are
 * `FROM name`, `COPY/ADD --from=name` and `RUN --mount=…,from=name`; lines keep their numbers.
 */
import { isAbsolute, resolve } from 'node:path';
import { BerthError } from '@shared/errors';
import type { ComposeProject } from '../../compose/model/project';
import type { BuildConfig } from '../../compose/model/service';
import { imageOf } from '../../compose/engine/naming';

export interface AdditionalContexts {
  /** Context name → the image its references become. */
  images: Map<string, string>;
  /** Context name → a directory to build into a temporary image first. */
  dirs: Map<string, string>;
}

export function additionalContextsOf(project: ComposeProject, service: string, build: BuildConfig): AdditionalContexts {
  const contexts: AdditionalContexts = { images: new Map(), dirs: new Map() };
  for (const [name, value] of Object.entries(build.additional_contexts ?? {})) {
    if (value.startsWith('docker-image://')) contexts.images.set(name, value.slice('docker-image://'.length));
    else if (value.startsWith('service:')) {
      const other = value.slice('service:'.length);
      const config = project.model.services[other];
      if (!config) {
        throw new BerthError(
          'E_COMPOSE_INVALID',
          `service "${service}": additional context "${name}" names service "${other}", which does not exist`,
        );
      }
      contexts.images.set(name, imageOf(project.name, other, config));
    } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || value.startsWith('git@')) {
      throw new BerthError(
        'E_COMPOSE_INVALID',
        `service "${service}": additional context "${name}" is a URL (${value}), which Berth cannot build from yet`,
        {
          fix: 'Clone or download it into a folder and name the folder instead.',
        },
      );
    } else {
      contexts.dirs.set(name, isAbsolute(value) ? value : resolve(project.workingDir, value));
    }
  }
  return contexts;
}

export function rewriteContextReferences(content: string, images: Map<string, string>): string {
  if (images.size === 0) return content;
  return content
    .split('\n')
    .map((line) => {
      let result = line;
      for (const [name, image] of images) {
        const quoted = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        result = result
          .replace(new RegExp(`^(\\s*FROM\\s+(?:--\\S+\\s+)*)${quoted}(?=\\s|$)`, 'i'), `$1${image}`)
          .replace(new RegExp(`(--from=)${quoted}(?=\\s|$)`, 'g'), `$1${image}`)
          .replace(new RegExp(`(--mount=\\S*?\\bfrom=)${quoted}(?=[,\\s]|$)`, 'g'), `$1${image}`);
      }
      return result;
    })
    .join('\n');
}
