/**
 * A loaded Compose project as Kubernetes manifests, deterministically (the same project gives the same objects in
 * the same order): per service a Deployment or StatefulSet and its Services, plus PersistentVolumeClaims, ConfigMaps
 * and Secrets. What can't be mapped is in `findings`, per service.
 */
import type { ComposeProject } from '../compose/model/project';
import { ExportContext } from './export-context';
import { fileObjects } from './file-objects';
import type { ExportFinding, KubeObject } from './kube-object';
import { persistentVolumeClaims } from './persistent-volumes';
import { servicesOf } from './service-ports';
import { reportUnmapped } from './unmapped';
import { replicasOf, workloadOf } from './workload';

export interface KubernetesExport {
  project: string;
  manifests: KubeObject[];
  findings: ExportFinding[];
}

export function exportToKubernetes(project: ComposeProject): KubernetesExport {
  const context = new ExportContext(project);
  const services = project.model.services;
  const workloads: KubeObject[] = [];
  const serviceObjects: KubeObject[] = [];
  const envSecrets: KubeObject[] = [];
  for (const name of Object.keys(services).sort()) {
    const service = services[name]!;
    reportUnmapped(context, name, service, true);
    const { workload, envSecret, stateful } = workloadOf(context, name, service, context.serviceName(name));
    workloads.push(workload);
    if (envSecret) envSecrets.push(envSecret);
    serviceObjects.push(...servicesOf(context, name, service, stateful));
  }
  const manifests = [
    ...persistentVolumeClaims(context, (name) => replicasOf(services[name]!)),
    ...fileObjects(context, 'configs'),
    ...fileObjects(context, 'secrets'),
    ...envSecrets,
    ...workloads,
    ...serviceObjects,
  ];
  return { project: project.name, manifests, findings: context.findings };
}
