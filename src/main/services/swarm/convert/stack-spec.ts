/**
 * The whole project as the Swarm objects of one stack: networks, secrets, configs and one service spec per Compose
 * service, named and labelled exactly as `docker stack deploy` does. Pure apart from reading secret and config
 * sources, so every error (a missing file, a bad setting) surfaces before anything is created.
 */
import type { ComposeService } from '../../compose/model/service';
import { checkServiceCompatibility } from '../stack-compatibility';
import type { StackFinding } from '../stack-findings';
import { scopedName, STACK_IMAGE_LABEL, withStackLabel } from '../stack-labels';
import type { NetworkCreateSpec, ServiceSpec } from '../swarm-spec';
import { convertContainerSpec } from './container-spec';
import {
  convertEndpoint,
  convertMode,
  convertPlacement,
  convertResources,
  convertRestartPolicy,
  convertUpdateConfig,
} from './deploy-settings';
import { convertFileObjects, convertFileReferences, type FileReference, type StackFileObject } from './file-objects';
import { convertGenericResources, type GenericResourceInventory } from './gpu-resources';
import { convertMounts } from './mounts';
import { convertServiceNetworks, convertStackNetworks } from './networks';
import type { StackContext } from './stack-context';

export interface DesiredService {
  /** The Compose service name. */
  key: string;
  /** `<stack>_<service>`. */
  name: string;
  /** Secrets and configs referenced by name; the engine ids are filled in when deploying. */
  spec: ServiceSpec;
  secrets: FileReference[];
  configs: FileReference[];
}

export interface DesiredStack {
  stack: string;
  networks: NetworkCreateSpec[];
  externalNetworks: string[];
  secrets: StackFileObject[];
  configs: StackFileObject[];
  services: DesiredService[];
  findings: StackFinding[];
}

export function convertStack(context: StackContext, inventory: GenericResourceInventory): DesiredStack {
  const services = context.project.model.services;
  const findings: StackFinding[] = [];
  const desiredServices: DesiredService[] = [];
  for (const key of Object.keys(services).sort()) {
    const service = services[key]!;
    findings.push(...checkServiceCompatibility(key, service));
    if (!service.image) continue;
    const gpu = convertGenericResources(key, service, inventory);
    findings.push(...gpu.findings);
    desiredServices.push(convertService(context, key, service, service.image, gpu.resources));
  }
  const networks = convertStackNetworks(context, services);
  return {
    stack: context.stack,
    networks: networks.create,
    externalNetworks: networks.external,
    secrets: convertFileObjects(context, 'secrets'),
    configs: convertFileObjects(context, 'configs'),
    services: desiredServices,
    findings,
  };
}

function convertService(
  context: StackContext,
  key: string,
  service: ComposeService,
  image: string,
  genericResources: ReturnType<typeof convertGenericResources>['resources'],
): DesiredService {
  const { stack } = context;
  const secrets = convertFileReferences(context, 'secrets', service.secrets) ?? [];
  const configs = convertFileReferences(context, 'configs', service.configs) ?? [];
  const resources = convertResources(service);
  if (genericResources) resources.Reservations = { ...resources.Reservations, GenericResources: genericResources };
  const spec: ServiceSpec = {
    Name: scopedName(stack, key),
    Labels: { ...withStackLabel(stack, service.deploy?.labels), [STACK_IMAGE_LABEL]: image },
    TaskTemplate: {
      ContainerSpec: {
        ...convertContainerSpec(stack, service, image),
        Mounts: convertMounts(context, service.volumes),
      },
      LogDriver: service.logging?.driver
        ? { Name: service.logging.driver, Options: service.logging.options }
        : undefined,
      Resources: resources,
      RestartPolicy: convertRestartPolicy(key, service),
      Placement: convertPlacement(service),
      Networks: convertServiceNetworks(context, key, service),
    },
    EndpointSpec: convertEndpoint(service),
    Mode: convertMode(key, service),
    UpdateConfig: convertUpdateConfig(service.deploy?.update_config),
    RollbackConfig: convertUpdateConfig(service.deploy?.rollback_config),
  };
  return { key, name: spec.Name, spec, secrets, configs };
}
