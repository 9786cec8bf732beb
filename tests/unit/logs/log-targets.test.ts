import { describe, expect, it } from 'vitest';
import type Docker from 'dockerode';
import { findTargetContainers, startEventMatches } from '../../../src/main/services/logs/log-targets';
import type { EngineEvent } from '@shared/schemas/engine';

const start = (id: string, attributes: Record<string, string>): EngineEvent => ({
  type: 'container',
  action: 'start',
  id,
  attributes,
  timeNano: 0,
});
const labels = (project: string, service: string, number = '1') => ({
  'com.docker.compose.project': project,
  'com.docker.compose.service': service,
  'com.docker.compose.container-number': number,
});

describe('startEventMatches', () => {
  it('matches the containers of a project, optionally of some services only, never one-off ones', () => {
    const target = { kind: 'project' as const, project: 'ml', services: ['api'] };
    expect(startEventMatches(target, null, start('a', labels('ml', 'api')))).toBe(true);
    expect(startEventMatches(target, null, start('b', labels('ml', 'db')))).toBe(false);
    expect(startEventMatches({ kind: 'project', project: 'ml' }, null, start('b', labels('ml', 'db')))).toBe(true);
    const oneoff = { ...labels('ml', 'api'), 'com.docker.compose.oneoff': 'True' };
    expect(startEventMatches(target, null, start('c', oneoff))).toBe(false);
  });

  it('matches a container target and its replacement (same project, service and number)', () => {
    const target = { kind: 'container' as const, id: 'old' };
    const anchor = { project: 'ml', service: 'api', number: '1' };
    expect(startEventMatches(target, anchor, start('old', {}))).toBe(true);
    expect(startEventMatches(target, anchor, start('new', labels('ml', 'api')))).toBe(true);
    expect(startEventMatches(target, anchor, start('other', labels('ml', 'api', '2')))).toBe(false);
    expect(startEventMatches(target, anchor, { ...start('old', {}), action: 'die' })).toBe(false);
  });

  it('leaves a swarm service to the service logs stream: no container start of this engine is one of its', async () => {
    const target = { kind: 'swarm-service' as const, serviceId: 'abc', name: 'ml_api' };
    const swarmLabels = { 'com.docker.swarm.service.name': 'ml_api', 'com.docker.swarm.service.id': 'abc' };
    expect(startEventMatches(target, null, start('a', swarmLabels))).toBe(false);
    await expect(findTargetContainers({} as Docker, target)).rejects.toMatchObject({
      code: 'E_INVALID_INPUT',
      fix: expect.stringContaining('Logs button'),
    });
  });
});
