/** The swarm as a deploy needs to know it: is this engine a manager, which nodes, which generic resources. */
import type Docker from 'dockerode';
import { BerthError } from '@shared/errors';
import type { GenericResourceInventory } from './convert/gpu-resources';
import { swarmApi } from './swarm-client';
import type { GenericResource, SwarmNode } from './swarm-spec';

export interface SwarmInventory {
  /** The node of the engine Berth is connected to. */
  nodeId: string;
  nodes: SwarmNode[];
  genericResources: GenericResourceInventory;
}

/** Throws a BerthError with the fix when the engine is not a swarm manager. */
export async function readSwarmInventory(docker: Docker): Promise<SwarmInventory> {
  const info = await swarmApi.info(docker);
  const swarm = info.Swarm;
  if (swarm?.LocalNodeState !== 'active') {
    throw new BerthError('E_ENGINE_ERROR', `The engine ${info.Name} is not part of a swarm.`, {
      fix: 'Connect Berth to a swarm manager (DOCKER_HOST or a docker context), or run `docker swarm init` on this engine.',
    });
  }
  if (!swarm.ControlAvailable) {
    throw new BerthError(
      'E_ENGINE_ERROR',
      `The engine ${info.Name} is a swarm worker; stacks are managed on managers.`,
      {
        fix: 'Connect Berth to a manager node of the swarm (`docker node ls` on a manager lists them).',
      },
    );
  }
  const nodes = await swarmApi.listNodes(docker);
  return { nodeId: swarm.NodeID ?? '', nodes, genericResources: genericResourcesOf(nodes) };
}

/** For each generic resource kind, the most units one node offers (named resources count one each). */
export function genericResourcesOf(nodes: readonly SwarmNode[]): Map<string, number> {
  const most = new Map<string, number>();
  for (const node of nodes) {
    const counts = countResources(node.Description.Resources?.GenericResources ?? []);
    for (const [kind, count] of counts) most.set(kind, Math.max(most.get(kind) ?? 0, count));
  }
  return most;
}

export function countResources(resources: readonly GenericResource[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const resource of resources) {
    if (resource.NamedResourceSpec) {
      const kind = resource.NamedResourceSpec.Kind;
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    } else if (resource.DiscreteResourceSpec) {
      const { Kind, Value } = resource.DiscreteResourceSpec;
      counts.set(Kind, (counts.get(Kind) ?? 0) + Value);
    }
  }
  return counts;
}
