/** The manifests an export produces: plain objects in the Kubernetes API's shape, keys in the conventional order. */

export interface KubeMetadata {
  name: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: KubeMetadata;
  [field: string]: unknown;
}

/** Labels on every exported object, and the ones that select a service's pods (as Compose Bridge labels them). */
export const EXPORT_LABELS = {
  managedBy: 'app.kubernetes.io/managed-by',
  project: 'com.docker.compose.project',
  service: 'com.docker.compose.service',
} as const;

export function projectLabels(project: string): Record<string, string> {
  return { [EXPORT_LABELS.managedBy]: 'berth', [EXPORT_LABELS.project]: project };
}

export function selectorLabels(project: string, service: string): Record<string, string> {
  return { [EXPORT_LABELS.project]: project, [EXPORT_LABELS.service]: service };
}

/** What could not be mapped (or was mapped with a change worth knowing), per service; never dropped silently. */
export interface ExportFinding {
  /** The Compose service, or null for a top-level volume, secret or config. */
  service: string | null;
  property: string;
  level: 'unmapped' | 'converted';
  message: string;
}
