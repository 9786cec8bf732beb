/**
 * Builds one service's image with the engine's BuildKit, as `docker compose build` does: the context and Dockerfile
 * (or `dockerfile_inline`) through the session, build secrets and ssh agents, additional contexts, the image named
 * and labelled as Compose names and labels it, and a timeline of the steps as progress events.
 */
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { BerthError } from '@shared/errors';
import type { BuildStep, ComposeProgressEvent } from '@shared/schemas/compose-progress';
import type Docker from 'dockerode';
import type { RegistryAuthLookup } from '../../compose/engine/image/registry-auth';
import type { ComposeProject } from '../../compose/model/project';
import type { BuildConfig } from '../../compose/model/service';
import { imageLabels, resolvedBuildArgs } from '../build-labels';
import { buildSecrets } from '../build-secrets';
import { buildSshAgents } from '../build-ssh';
import { SecretRedactor } from '../secret-redactor';
import type { SyncedDir } from '../session/file-sync-provider';
import { BuildTimeline } from '../timeline/build-timeline';
import { parseDockerfile } from '../timeline/dockerfile-steps';
import { additionalContextsOf, rewriteContextReferences } from './additional-contexts';
import { buildQuery } from './build-query';
import { prepareDockerfile } from './dockerfile-source';
import { BuildFailed, runBuild } from './run-build';
import { ScratchDirs } from './scratch-dirs';

export interface ServiceBuild {
  project: ComposeProject;
  service: string;
  /** The image to build: the service's `image:`, else `<project>-<service>`. */
  image: string;
  build: BuildConfig;
  emit: (event: ComposeProgressEvent) => void;
  signal?: AbortSignal;
  registryAuth?: RegistryAuthLookup;
}

/** A context given as a URL (git or an archive) is fetched by the engine itself. */
const REMOTE_CONTEXT = /^(https?:\/\/|git@|git:\/\/|github\.com\/)/;

/** Builds the image; resolves with its ID. */
export async function buildWithBuildKit(docker: Docker, request: ServiceBuild): Promise<string> {
  const { project, service, build } = request;
  const redactor = new SecretRedactor();
  const scratch = new ScratchDirs();
  const temporaryImages: string[] = [];
  const timeline = new BuildTimeline({ service, image: request.image, emit: request.emit, redactor });
  const remote = build.context && REMOTE_CONTEXT.test(build.context) ? build.context : null;
  const contextDir = resolve(project.workingDir, remote ? '.' : (build.context ?? '.'));
  try {
    const contexts = additionalContextsOf(project, service, build);
    const common = {
      secrets: buildSecrets(project, service, build),
      sshAgents: buildSshAgents(service, build.ssh, project.environment),
      registryAuth: request.registryAuth,
      redactor,
      signal: request.signal,
      timeline,
    };
    for (const [name, dir] of contexts.dirs) {
      const tag = `berth-build-context-${randomUUID().slice(0, 12)}:${name.toLowerCase().replace(/[^a-z0-9_.-]/g, '-')}`;
      await runBuild(docker, { ...common, ...(await contextImageBuild(dir, tag, scratch)) });
      temporaryImages.push(tag);
      contexts.images.set(name, tag);
      timeline.nextBuild();
    }
    const rewrite = (text: string) => rewriteContextReferences(text, contexts.images);
    const dockerfile = remote ? null : await prepareDockerfile(service, build, contextDir, rewrite, scratch);
    if (dockerfile) timeline.useDockerfile({ file: dockerfile.label, stages: parseDockerfile(dockerfile.content) });
    const { query, warnings } = buildQuery({
      service,
      build,
      tags: [request.image, ...(build.tags ?? [])],
      dockerfileName: dockerfile?.name ?? build.dockerfile ?? 'Dockerfile',
      args: resolvedBuildArgs(project, build),
      labels: imageLabels(project, service, build),
      buildId: randomUUID(),
      servicePlatform: project.model.services[service]?.platform,
    });
    if (remote) query.remote = remote;
    for (const message of warnings) request.emit({ kind: 'warning', message });
    const dirs = new Map<string, SyncedDir>();
    if (!remote) dirs.set('context', { path: contextDir });
    if (dockerfile) dirs.set('dockerfile', { path: dockerfile.dir });
    return await runBuild(docker, { ...common, dirs, query });
  } catch (error) {
    if (error instanceof BuildFailed) throw buildError(request, error.message, timeline.failedStep());
    throw error;
  } finally {
    await scratch.removeAll();
    for (const tag of temporaryImages)
      await docker
        .getImage(tag)
        .remove()
        .catch(() => {});
  }
}

/** A directory as an image holding its files, for an additional context the Dockerfile refers to. */
async function contextImageBuild(
  dir: string,
  tag: string,
  scratch: ScratchDirs,
): Promise<{ dirs: Map<string, SyncedDir>; query: Record<string, string | string[]> }> {
  const dockerfileDir = await scratch.create();
  await writeFile(resolve(dockerfileDir, 'Dockerfile'), 'FROM scratch\nCOPY . /\n');
  return {
    dirs: new Map([
      ['context', { path: dir }],
      ['dockerfile', { path: dockerfileDir }],
    ]),
    query: { version: '2', remote: 'client-session', buildid: randomUUID(), dockerfile: 'Dockerfile', t: [tag] },
  };
}

function buildError(request: ServiceBuild, message: string, step: BuildStep | undefined): BerthError {
  const where = step
    ? ` at #${step.number} ${step.name}${step.source ? ` (${step.source.file} line ${step.source.line})` : ''}`
    : '';
  return new BerthError(
    'E_ENGINE_ERROR',
    `failed to build ${request.image} for service "${request.service}"${where}: ${message}`,
    {
      fix: fixFor(message),
      details: step ? { step } : undefined,
    },
  );
}

function fixFor(message: string): string {
  if (/network mode .* not supported/i.test(message)) {
    return 'BuildKit builds run on the default, host or none network: change build.network.';
  }
  if (/secret .*not found|secret.*required/i.test(message)) {
    return "List the secret under the service's build.secrets (defined at the top level with a file: or environment:).";
  }
  if (/failed to (resolve|authorize|fetch)|pull access denied|not found: not found/i.test(message)) {
    return 'The engine could not get an image the Dockerfile names: check the name, log in to its registry, or build it first.';
  }
  return 'Fix the Dockerfile or the build context, then run the build again.';
}
