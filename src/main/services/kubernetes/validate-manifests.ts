/**
 * Each manifest checked against the Kubernetes OpenAPI schemas of `kubernetes-models` (loaded on first use: the
 * schemas are large). A failure is a bug in the export, reported with the object and the schema's words.
 */
import { BerthError } from '@shared/errors';
import type { KubeObject } from './kube-object';

type Validator = new (data: unknown) => { validate(): void };

const MODELS: Record<string, () => Promise<Validator>> = {
  'apps/v1/Deployment': async () => (await import('kubernetes-models/apps/v1/Deployment')).Deployment as Validator,
  'apps/v1/StatefulSet': async () => (await import('kubernetes-models/apps/v1/StatefulSet')).StatefulSet as Validator,
  'v1/Service': async () => (await import('kubernetes-models/v1/Service')).Service as Validator,
  'v1/PersistentVolumeClaim': async () =>
    (await import('kubernetes-models/v1/PersistentVolumeClaim')).PersistentVolumeClaim as Validator,
  'v1/ConfigMap': async () => (await import('kubernetes-models/v1/ConfigMap')).ConfigMap as Validator,
  'v1/Secret': async () => (await import('kubernetes-models/v1/Secret')).Secret as Validator,
};

export async function validateManifests(objects: readonly KubeObject[]): Promise<void> {
  for (const object of objects) {
    const load = MODELS[`${object.apiVersion}/${object.kind}`];
    if (!load) throw new BerthError('E_INTERNAL', `No schema for ${object.apiVersion} ${object.kind}.`);
    const Model = await load();
    try {
      new Model(object).validate();
    } catch (error) {
      throw new BerthError(
        'E_INTERNAL',
        `The exported ${object.kind} ${object.metadata.name} is not valid: ${(error as Error).message}`,
        {
          fix: "This is a bug in Berth's export; please report it with the Compose file.",
          cause: error,
        },
      );
    }
  }
}
