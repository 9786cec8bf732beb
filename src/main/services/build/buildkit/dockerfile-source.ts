/**
 * The Dockerfile a build reads, as the `dockerfile` directory of its session: the file beside its own
 * `<name>.dockerignore`, or, for `dockerfile_inline` or a Dockerfile Berth had to rewrite, a copy in a scratch
 * directory. Its text is kept to point build steps at their lines.
 */
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { BerthError } from '@shared/errors';
import type { BuildConfig } from '../../compose/model/service';
import type { ScratchDirs } from './scratch-dirs';

export interface DockerfileSource {
  dir: string;
  name: string;
  /** How steps name it: its path relative to the context, or `<inline>`. */
  label: string;
  content: string;
}

const INLINE_LABEL = '<inline>';

export async function prepareDockerfile(
  service: string,
  build: BuildConfig,
  contextDir: string,
  rewrite: (content: string) => string,
  scratch: ScratchDirs,
): Promise<DockerfileSource> {
  if (build.dockerfile_inline !== undefined) {
    const dir = await scratch.create();
    const content = rewrite(build.dockerfile_inline);
    await writeFile(join(dir, 'Dockerfile'), content);
    return { dir, name: 'Dockerfile', label: INLINE_LABEL, content };
  }
  const path = resolve(contextDir, build.dockerfile ?? 'Dockerfile');
  const written = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new BerthError(
      'E_COMPOSE_INVALID',
      `service "${service}": cannot read its Dockerfile ${path}: ${error.code ?? error.message}`,
      {
        fix: 'Check build.context and build.dockerfile: the Dockerfile path is relative to the build context.',
      },
    );
  });
  const name = basename(path);
  const relativePath = relative(contextDir, path);
  const label = isAbsolute(relativePath) || relativePath.startsWith('..') ? path : relativePath;
  const content = rewrite(written);
  if (content === written) return { dir: dirname(path), name, label, content };
  const dir = await scratch.create();
  await writeFile(join(dir, name), content);
  await copyFile(`${path}.dockerignore`, join(dir, `${name}.dockerignore`)).catch(() => {});
  return { dir, name, label, content };
}
