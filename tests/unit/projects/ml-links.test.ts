import { describe, expect, it } from 'vitest';
import { imageRepository, jupyterTokenFromLogs, mlLinksFor } from '@shared/ml-links';

const on = (containerPort: number, hostPort = containerPort, hostIp = '0.0.0.0') => ({
  hostIp,
  hostPort,
  containerPort,
});

describe('imageRepository', () => {
  it.each([
    ['ghcr.io/mlflow/mlflow:v2.17.2', 'mlflow/mlflow'],
    ['quay.io/jupyter/pytorch-notebook@sha256:0123', 'jupyter/pytorch-notebook'],
    ['localhost:5000/team/vllm-openai:latest', 'team/vllm-openai'],
    ['grafana/grafana', 'grafana/grafana'],
    ['postgres:16-alpine', 'postgres'],
  ])('%s → %s', (image, repository) => {
    expect(imageRepository(image)).toBe(repository);
  });
});

describe('mlLinksFor', () => {
  it('names the UIs of common ML images on their published ports', () => {
    expect(mlLinksFor('quay.io/jupyter/pytorch-notebook:cuda12-2024-10-14', [on(8888)], { token: 'abc' })).toEqual([
      { label: 'JupyterLab', url: 'http://localhost:8888/?token=abc' },
    ]);
    expect(mlLinksFor('vllm/vllm-openai:v0.6.3', [on(8000, 18000, '127.0.0.1')])).toEqual([
      { label: 'vLLM API docs', url: 'http://127.0.0.1:18000/docs' },
    ]);
    expect(mlLinksFor('quay.io/minio/minio:RELEASE.2024', [on(9000), on(9001)])).toEqual([
      { label: 'MinIO console', url: 'http://localhost:9001/' },
    ]);
    expect(mlLinksFor('grafana/grafana:11.3.0', [on(3000, 3001)])).toEqual([
      { label: 'Grafana', url: 'http://localhost:3001/' },
    ]);
    expect(mlLinksFor('heartexlabs/label-studio:latest', [on(8080, 8080, '::')])).toEqual([
      { label: 'Label Studio', url: 'http://localhost:8080/' },
    ]);
  });

  it('says nothing for unknown images or unpublished UI ports', () => {
    expect(mlLinksFor('postgres:16', [on(5432)])).toEqual([]);
    expect(mlLinksFor('ghcr.io/mlflow/mlflow', [on(8080)])).toEqual([]);
  });
});

describe('jupyterTokenFromLogs', () => {
  it('finds the last token Jupyter printed', () => {
    const logs = [
      '[I 2024-10-14 ServerApp] Jupyter Server 2.14.2 is running at:',
      '[I 2024-10-14 ServerApp] http://4f2c1d:8888/lab?token=0c1d2e3f4a5b',
      '    http://127.0.0.1:8888/lab?token=9f8e7d6c5b4a',
    ];
    expect(jupyterTokenFromLogs(logs)).toBe('9f8e7d6c5b4a');
    expect(jupyterTokenFromLogs(['no token here'])).toBeNull();
  });
});
