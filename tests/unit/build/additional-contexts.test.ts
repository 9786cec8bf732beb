import { describe, expect, it } from 'vitest';
import {
  additionalContextsOf,
  rewriteContextReferences,
} from '../../../src/main/services/build/buildkit/additional-contexts';
import { projectByName } from '../../../src/main/services/compose/engine/project-by-name';
import type { ComposeProject } from '../../../src/main/services/compose/model/project';
import type { ComposeService } from '../../../src/main/services/compose/model/service';

function project(services: Record<string, Partial<ComposeService>>): ComposeProject {
  const stub = projectByName('demo');
  return {
    ...stub,
    workingDir: '/work/demo',
    model: { ...stub.model, services: services as Record<string, ComposeService> },
  };
}

describe('additional contexts as images', () => {
  it('rewrites FROM, COPY --from and RUN --mount from= references, keeping every line where it was', () => {
    const dockerfile = [
      'FROM base AS build',
      'FROM --platform=linux/amd64 base',
      'COPY --from=assets /a /a',
      'ADD --from=assets /b /b',
      'RUN --mount=type=bind,from=assets,target=/x ls /x',
      'COPY --from=assets2 /c /c',
      'RUN echo base assets',
    ].join('\n');
    const images = new Map([
      ['base', 'berth-test-busybox:latest'],
      ['assets', 'berth-build-context-1:assets'],
    ]);
    expect(rewriteContextReferences(dockerfile, images).split('\n')).toEqual([
      'FROM berth-test-busybox:latest AS build',
      'FROM --platform=linux/amd64 berth-test-busybox:latest',
      'COPY --from=berth-build-context-1:assets /a /a',
      'ADD --from=berth-build-context-1:assets /b /b',
      'RUN --mount=type=bind,from=berth-build-context-1:assets,target=/x ls /x',
      'COPY --from=assets2 /c /c',
      'RUN echo base assets',
    ]);
  });

  it('makes images of docker-image:// and service: contexts, and folders of the rest', () => {
    const build = {
      additional_contexts: {
        base: 'docker-image://python:3.12',
        shared: 'service:lib',
        named: 'service:tagged',
        assets: '/work/demo/assets',
        relative: './models',
      },
    };
    const contexts = additionalContextsOf(
      project({ app: { build }, lib: { build: {} }, tagged: { image: 'org/lib:2' } }),
      'app',
      build,
    );
    expect([...contexts.images]).toEqual([
      ['base', 'python:3.12'],
      ['shared', 'demo-lib'],
      ['named', 'org/lib:2'],
    ]);
    expect([...contexts.dirs]).toEqual([
      ['assets', '/work/demo/assets'],
      ['relative', '/work/demo/models'],
    ]);
  });

  it('refuses a URL and an unknown service, saying why', () => {
    const url = { additional_contexts: { repo: 'https://github.com/org/repo.git' } };
    expect(() => additionalContextsOf(project({ app: { build: url } }), 'app', url)).toThrow(/is a URL/);
    const missing = { additional_contexts: { x: 'service:nope' } };
    expect(() => additionalContextsOf(project({ app: { build: missing } }), 'app', missing)).toThrow(
      /"nope", which does not exist/,
    );
  });

  it('changes nothing without contexts', () => {
    expect(rewriteContextReferences('FROM x\n', new Map())).toBe('FROM x\n');
  });
});
