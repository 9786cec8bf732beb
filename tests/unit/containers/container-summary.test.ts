import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { toContainerSummary } from '../../../src/main/services/containers/container-summary';
import { ContainerSummarySchema } from '@shared/schemas/containers';

/** Shape of one entry of GET /containers/json as dockerd 20.10 returns it for a Compose container. */
const composeContainer = {
  Id: 'f3c1d2e4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2',
  Names: ['/mlflow-db-1'],
  Image: 'postgres:16',
  ImageID: 'sha256:abc',
  Command: 'docker-entrypoint.sh postgres',
  Created: 1_763_856_000,
  State: 'running',
  Status: 'Up 3 minutes (healthy)',
  Ports: [
    { IP: '0.0.0.0', PrivatePort: 5432, PublicPort: 5433, Type: 'tcp' },
    { IP: '::', PrivatePort: 5432, PublicPort: 5433, Type: 'tcp' },
    { PrivatePort: 8080, Type: 'tcp' },
  ],
  Labels: {
    'com.docker.compose.project': 'mlflow',
    'com.docker.compose.service': 'db',
    'com.docker.compose.container-number': '1',
    'com.docker.compose.oneoff': 'False',
    'com.docker.compose.project.working_dir': '/home/ana/mlflow',
    'com.docker.compose.project.config_files': '/home/ana/mlflow/compose.yaml,/home/ana/mlflow/compose.gpu.yaml',
  },
} as unknown as Docker.ContainerInfo;

describe('toContainerSummary', () => {
  it('maps a Compose container with its identity, health and published ports', () => {
    const summary = toContainerSummary(composeContainer);
    expect(ContainerSummarySchema.parse(summary)).toEqual(summary);
    expect(summary).toMatchObject({
      name: 'mlflow-db-1',
      state: 'running',
      health: 'healthy',
      createdAt: 1_763_856_000_000,
      compose: {
        project: 'mlflow',
        service: 'db',
        containerNumber: 1,
        oneoff: false,
        workingDir: '/home/ana/mlflow',
        configFiles: ['/home/ana/mlflow/compose.yaml', '/home/ana/mlflow/compose.gpu.yaml'],
      },
    });
    expect(summary.ports).toEqual([
      { hostIp: '0.0.0.0', hostPort: 5433, containerPort: 5432, protocol: 'tcp' },
      { hostIp: '::', hostPort: 5433, containerPort: 5432, protocol: 'tcp' },
    ]);
  });

  it('maps a standalone container without labels and reads "health: starting"', () => {
    const summary = toContainerSummary({
      ...composeContainer,
      Names: ['/sleepy'],
      Labels: {},
      State: 'running',
      Status: 'Up 2 seconds (health: starting)',
      Ports: [],
    } as unknown as Docker.ContainerInfo);
    expect(summary).toMatchObject({ name: 'sleepy', compose: null, health: 'starting', ports: [] });
  });
});
