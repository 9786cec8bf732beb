import { BerthError } from '@shared/errors';
import type { BerthServices } from '../services/create-services';
import { exportToKubernetes } from '../services/kubernetes/export-project';
import { validateManifests } from '../services/kubernetes/validate-manifests';
import { writeManifests } from '../services/kubernetes/write-manifests';
import { createClusterViewSource } from '../services/swarm/cluster-view-source';
import { rollbackService, scaleService } from '../services/swarm/service-actions';
import { createStackDeploySource } from '../services/swarm/stack-deploy-source';
import { removeStack } from '../services/swarm/stack-teardown';
import type { SwarmService } from '../services/swarm/swarm-spec';
import type { Desktop } from './desktop';
import type { HandlerGroup, OperationsOf } from './handler-types';

/** Swarm stacks on the connected engine (a swarm manager) and the Kubernetes export of a project. */
export function clusterHandlers(
  services: BerthServices,
  desktop: Desktop,
): HandlerGroup<OperationsOf<'cluster'>, 'clusterView' | 'stackDeploy'> {
  const { catalog, connection } = services;
  const docker = () => connection.getDocker();
  return {
    operations: {
      'cluster.scale': async ({ service, replicas }) => actionResult(await scaleService(docker(), service, replicas)),
      'cluster.rollback': async ({ service }) => actionResult(await rollbackService(docker(), service)),
      'cluster.removeStack': ({ stack, confirmName }) => {
        if (confirmName !== stack) {
          throw new BerthError('E_INVALID_INPUT', `Stack ${stack} was not removed: the name typed does not match.`, {
            fix: `Type the stack's name, ${stack}, to confirm.`,
          });
        }
        return removeStack(docker(), stack);
      },
      'cluster.exportKubernetes': async ({ project: ref }) => {
        const exported = exportToKubernetes(await catalog.load(ref));
        // Checked before the folder is asked for: a failure writes nothing.
        await validateManifests(exported.manifests);
        const base = { project: exported.project, manifests: exported.manifests.length, findings: exported.findings };
        const directory = await desktop.pickFolder('create');
        if (directory === null) return { ...base, directory: null, files: [] };
        return { ...base, directory, files: writeManifests(directory, exported.manifests) };
      },
    },
    streams: {
      clusterView: ({ stack }) => createClusterViewSource(connection, { stack }),
      stackDeploy: ({ project, ...request }) =>
        createStackDeploySource({ docker, load: () => catalog.load(project) }, request),
    },
  };
}

function actionResult(service: SwarmService): { service: string; replicas: number | null } {
  return { service: service.Spec.Name, replicas: service.Spec.Mode.Replicated?.Replicas ?? null };
}
