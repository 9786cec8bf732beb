/**
 * A service's environment as container `env`: plain values inline, values of secret-looking variables (tokens,
 * keys, passwords) in a Secret of the service's own, referenced by name, so they are not in the Deployment.
 */
import { isSecretKey } from '@shared/secret-keys';
import type { ComposeService } from '../compose/model/service';
import type { ExportContext } from './export-context';
import { projectLabels, type KubeObject } from './kube-object';
import { dataKey, dnsLabel } from './kube-names';

export type EnvVar =
  { name: string; value: string } | { name: string; valueFrom: { secretKeyRef: { name: string; key: string } } };

export interface ServiceEnvironment {
  env: EnvVar[];
  /** The Secret holding the secret-looking values, if any. */
  secret?: KubeObject;
}

export function environmentOf(context: ExportContext, name: string, service: ComposeService): ServiceEnvironment {
  const env: EnvVar[] = [];
  const secretData: Record<string, string> = {};
  const secretName = dnsLabel(`${context.serviceName(name)}-env`);
  for (const key of Object.keys(service.environment ?? {}).sort()) {
    const value = service.environment![key];
    if (value === null || value === undefined) {
      context.note(name, 'environment', 'unmapped', `${key} has no value (unset in the environment Berth loaded)`);
      continue;
    }
    if (isSecretKey(key) && value !== '') {
      secretData[dataKey(key)] = Buffer.from(value).toString('base64');
      env.push({ name: key, valueFrom: { secretKeyRef: { name: secretName, key: dataKey(key) } } });
    } else {
      env.push({ name: key, value });
    }
  }
  if (!Object.keys(secretData).length) return { env };
  return {
    env,
    secret: {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: secretName, labels: projectLabels(context.projectLabel) },
      type: 'Opaque',
      data: secretData,
    },
  };
}
