/**
 * Kubernetes export of Compose projects: golden manifests for three fixtures (tests/fixtures/kubernetes; update
 * with `vitest -u` after checking the change), every manifest valid against the Kubernetes schemas, the same bytes
 * every time, and every setting that can't be mapped reported per service.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/main/services/compose/load';
import { exportToKubernetes } from '../../../src/main/services/kubernetes/export-project';
import type { KubeObject } from '../../../src/main/services/kubernetes/kube-object';
import { manifestsYaml } from '../../../src/main/services/kubernetes/manifest-yaml';
import { validateManifests } from '../../../src/main/services/kubernetes/validate-manifests';

const FIXTURES = resolve(__dirname, '../../fixtures/kubernetes');

async function exportFixture(name: string) {
  const project = await loadProject({ workingDir: resolve(FIXTURES, name), env: {} });
  return exportToKubernetes(project);
}

/** A manifest walked by field names in the assertions below. */
type Tree = { readonly [key: string]: Tree } & { readonly [index: number]: Tree };

function find(manifests: KubeObject[], kind: string, name: string): Tree {
  const found = manifests.find((object) => object.kind === kind && object.metadata.name === name);
  if (!found)
    throw new Error(
      `no ${kind} ${name} in ${manifests.map((object) => `${object.kind}/${object.metadata.name}`).join(', ')}`,
    );
  return found as unknown as Tree;
}

describe('export kubernetes', () => {
  for (const fixture of ['mlflow', 'gpu-serving', 'edge-cases']) {
    it(`${fixture}: matches the golden manifests and findings, and validates`, async () => {
      const exported = await exportFixture(fixture);
      await validateManifests(exported.manifests);
      await expect(manifestsYaml(exported.manifests)).toMatchFileSnapshot(resolve(FIXTURES, fixture, 'expected.yaml'));
      await expect(`${JSON.stringify(exported.findings, null, 2)}\n`).toMatchFileSnapshot(
        resolve(FIXTURES, fixture, 'expected-findings.json'),
      );
    });
  }

  it('gives the same bytes for the same project', async () => {
    const [first, second] = await Promise.all([exportFixture('mlflow'), exportFixture('mlflow')]);
    expect(manifestsYaml(second.manifests)).toBe(manifestsYaml(first.manifests));
  });

  it('maps the MLflow stack: StatefulSets for volumes, claims, probes, resources, replicas, secrets out of the spec', async () => {
    const { manifests } = await exportFixture('mlflow');
    expect(find(manifests, 'StatefulSet', 'postgres').spec.serviceName).toBe('postgres');
    expect(find(manifests, 'Service', 'postgres').spec.clusterIP).toBe('None');
    expect(find(manifests, 'PersistentVolumeClaim', 'pgdata').spec.accessModes).toEqual(['ReadWriteOnce']);
    const mlflow = find(manifests, 'Deployment', 'mlflow');
    expect(mlflow.spec.replicas).toBe(2);
    const container = mlflow.spec.template.spec.containers[0];
    expect(container.resources).toEqual({
      limits: { cpu: '1.5', memory: '2147483648' },
      requests: { cpu: '0.5', memory: '536870912' },
    });
    expect(container.livenessProbe).toEqual({
      exec: { command: ['curl', '-f', 'http://localhost:5000/health'] },
      periodSeconds: 10,
      initialDelaySeconds: 20,
    });
    expect(container.env).toContainEqual({
      name: 'AWS_SECRET_ACCESS_KEY',
      valueFrom: { secretKeyRef: { name: 'mlflow-env', key: 'AWS_SECRET_ACCESS_KEY' } },
    });
    expect(JSON.stringify(mlflow)).not.toContain('minio-test-password');
    expect(find(manifests, 'Service', 'mlflow-published').spec).toMatchObject({
      type: 'LoadBalancer',
      ports: [{ port: 5000, targetPort: 5000 }],
    });
  });

  it('maps GPU requests to nvidia.com/gpu and amd.com/gpu limits', async () => {
    const { manifests, findings } = await exportFixture('gpu-serving');
    const limits = (kind: string, name: string) =>
      find(manifests, kind, name).spec.template.spec.containers[0].resources.limits;
    expect(limits('StatefulSet', 'vllm')).toEqual({ 'nvidia.com/gpu': 2 });
    expect(limits('Deployment', 'rocm')).toEqual({ 'amd.com/gpu': 1 });
    expect(limits('Deployment', 'notebook')).toEqual({ 'nvidia.com/gpu': 1 });
    expect(findings).toContainEqual(
      expect.objectContaining({ service: 'notebook', property: 'gpus', level: 'converted' }),
    );
    expect(find(manifests, 'Deployment', 'notebook').spec.template.spec.containers[0].securityContext).toEqual({
      runAsUser: 1000,
      runAsGroup: 100,
    });
  });

  it('reports what it cannot map, per service, and renames what Kubernetes would reject', async () => {
    const { manifests, findings } = await exportFixture('edge-cases');
    const about = (service: string) =>
      findings
        .filter((finding) => finding.service === service)
        .map((finding) => `${finding.level} ${finding.property}`);
    expect(about('Web_App')).toEqual(
      expect.arrayContaining([
        'unmapped volumes',
        'unmapped restart',
        'unmapped ports',
        'converted name',
        'converted volumes',
      ]),
    );
    expect(about('sidecar')).toEqual(
      expect.arrayContaining(['unmapped build', 'unmapped network_mode', 'unmapped environment', 'unmapped user']),
    );
    const web = find(manifests, 'Deployment', 'web-app');
    expect(web.metadata.labels['com.docker.compose.project']).toBe('edge_cases'.replace('_', '-'));
    expect(web.spec.template.metadata.annotations).toEqual({
      'com.example.description': 'served by nginx, with spaces',
    });
    expect(web.spec.template.spec.containers[0].volumeMounts).toContainEqual({
      name: 'config-nginx-conf',
      mountPath: '/etc/nginx/conf.d/default.conf',
      readOnly: true,
      subPath: 'nginx_conf',
    });
    expect(find(manifests, 'ConfigMap', 'config-nginx-conf').data).toEqual({ nginx_conf: 'server { listen 443; }\n' });
    expect(find(manifests, 'Service', 'web-app').spec.ports).toEqual([
      { name: 'udp-53', port: 53, targetPort: 53, protocol: 'UDP' },
      { name: 'tcp-443', port: 443, targetPort: 443, protocol: 'TCP' },
    ]);
  });

  it('exports an unreadable secret empty and says so, rather than failing', async () => {
    const project = await loadProject({ workingDir: resolve(FIXTURES, 'edge-cases'), env: {} });
    project.model.secrets!.tls_key!.file = resolve(FIXTURES, 'edge-cases', 'missing.key');
    const { manifests, findings } = exportToKubernetes(project);
    expect(find(manifests, 'Secret', 'secret-tls-key').data).toEqual({});
    expect(findings).toContainEqual(
      expect.objectContaining({
        service: null,
        property: 'secrets.tls_key',
        level: 'unmapped',
        message: expect.stringContaining('does not exist'),
      }),
    );
    await validateManifests(manifests);
  });
});
