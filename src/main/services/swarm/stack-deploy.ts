/**
 * Deploys a loaded Compose project as a Swarm stack, the way `docker stack deploy` does: names, labels and service
 * specs are the docker CLI's, so either tool manages the other's stacks. Before anything changes it says what Swarm
 * ignores (findings) and stops on what can't work; re-deploying an unchanged project updates nothing; a failure part
 * way undoes this run's changes.
 */
import type Docker from 'dockerode';
import { BerthError } from '@shared/errors';
import type { ComposeProject } from '../compose/model/project';
import { convertStack } from './convert/stack-spec';
import { resolveImages, type RegistryAuthHeader, type ResolveImageMode } from './image-resolution';
import { applyStackPlan } from './stack-apply';
import { waitForServicesConverged } from './stack-convergence';
import type { StackProgress } from './stack-events';
import { describeFinding, type StackFinding } from './stack-findings';
import { checkStackNames } from './stack-name';
import { observeSwarm } from './stack-observed';
import { planStack, type StackPlan } from './stack-plan';
import { readSwarmInventory } from './swarm-inventory';

export interface DeployStackOptions {
  stack: string;
  /** As `docker stack deploy --resolve-image`; default `always`. */
  resolveImage?: ResolveImageMode;
  /** Every node has the images already (loaded by hand): skip the check that they can be pulled. */
  imagesPreloaded?: boolean;
  /** Remove services of the stack that the project no longer has. */
  prune?: boolean;
  /** Resolve only once every service runs its desired tasks. */
  wait?: boolean;
  waitTimeoutMs?: number;
  /** `X-Registry-Auth` for an image, so the nodes can pull private images (`--with-registry-auth`). */
  registryAuth?: RegistryAuthHeader;
  signal?: AbortSignal;
  onProgress?: StackProgress;
}

export interface DeployStackResult {
  stack: string;
  findings: StackFinding[];
  plan: StackPlan;
  /** Objects created, updated or removed; 0 for a re-deploy of an unchanged project. */
  changed: number;
  serviceIds: Map<string, string>;
}

const DEFAULT_WAIT_TIMEOUT_MS = 300_000;
/** Healthcheck fields by the API version that brought them; an older engine drops them from the spec. */
const HEALTHCHECK_FIELDS_SINCE: Record<string, string> = { StartInterval: '1.44' };

export async function deployStack(
  docker: Docker,
  project: ComposeProject,
  options: DeployStackOptions,
): Promise<DeployStackResult> {
  const { stack } = options;
  const progress = options.onProgress ?? (() => {});
  checkStackNames(stack, Object.keys(project.model.services));
  const [inventory, version] = await Promise.all([readSwarmInventory(docker), docker.version()]);
  const desired = convertStack({ project, stack }, inventory.genericResources);
  stopOnErrors(desired.findings);

  const usage = new Map<string, string[]>();
  for (const service of desired.services) {
    const image = project.model.services[service.key]!.image!;
    usage.set(image, [...(usage.get(image) ?? []), service.key]);
  }
  const resolveImage = options.resolveImage ?? 'always';
  const [images, observed] = await Promise.all([
    resolveImages(docker, usage, {
      queryRegistry: () => resolveImage !== 'never',
      multiNode: inventory.nodes.length > 1,
      preloaded: options.imagesPreloaded,
      registryAuth: options.registryAuth,
    }),
    observeSwarm(docker, [...desired.networks.map((network) => network.Name), ...desired.externalNetworks]),
  ]);
  const findings = [...desired.findings, ...images.findings];
  for (const finding of findings) progress({ type: 'finding', finding });

  const plan = planStack(desired, observed, {
    resolveImage,
    images: images.images,
    prune: options.prune ?? false,
    unsupportedHealthcheckFields: Object.keys(HEALTHCHECK_FIELDS_SINCE).filter(
      (field) => compareApiVersions(version.ApiVersion, HEALTHCHECK_FIELDS_SINCE[field]!) < 0,
    ),
  });
  const applied = await applyStackPlan(docker, plan, {
    onProgress: progress,
    registryAuth: options.registryAuth,
    signal: options.signal,
  });
  if (options.wait) {
    await waitForServicesConverged(docker, applied.serviceIds, {
      timeoutMs: options.waitTimeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS,
      onProgress: progress,
      signal: options.signal,
    });
  }
  return { stack, findings, plan, changed: applied.changed, serviceIds: applied.serviceIds };
}

/** Everything that can't work, in one error naming each service, so one fix round is enough. */
function stopOnErrors(findings: StackFinding[]): void {
  const errors = findings.filter((finding) => finding.level === 'error');
  if (!errors.length) return;
  const services = [...new Set(errors.map((finding) => finding.service))];
  throw new BerthError(
    'E_COMPOSE_INVALID',
    `Swarm can't deploy ${services.length > 1 ? 'these services' : `service "${services[0]}"`}:\n${errors.map((finding) => `  ${describeFinding(finding)}`).join('\n')}`,
    { fix: 'Change the Compose file as each line says, then deploy again.', details: { findings: errors } },
  );
}

function compareApiVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}
