/** Re-deploys change only what changed: spec comparison against what the engine stores, and the plan built on it. */
import { describe, expect, it } from 'vitest';
import type { DesiredStack } from '../../../src/main/services/swarm/convert/stack-spec';
import { splitDetails } from '../../../src/main/services/swarm/service-log-details';
import { changedFields, sameServiceSpec } from '../../../src/main/services/swarm/spec-equality';
import { planStack } from '../../../src/main/services/swarm/stack-plan';
import type { ServiceSpec, SwarmService } from '../../../src/main/services/swarm/swarm-spec';

const desired: ServiceSpec = {
  Name: 'st_api',
  Labels: { 'com.docker.stack.namespace': 'st', 'com.docker.stack.image': 'api:1' },
  TaskTemplate: {
    ContainerSpec: {
      Image: 'api:1',
      Labels: { 'com.docker.stack.namespace': 'st' },
      Env: ['A=1'],
      Privileges: { CredentialSpec: null, SELinuxContext: null },
    },
    Resources: {},
    Placement: {},
    Networks: [{ Target: 'st_default', Aliases: ['api'] }],
  },
  Mode: { Replicated: {} },
  UpdateConfig: { Parallelism: 1, Delay: 1e9 },
  EndpointSpec: { Mode: undefined, Ports: undefined },
};

/** The same spec as engine 20.10 returns it: ids for names, enum defaults, empty fields. */
const stored = {
  Name: 'st_api',
  Labels: { 'com.docker.stack.image': 'api:1', 'com.docker.stack.namespace': 'st' },
  TaskTemplate: {
    ContainerSpec: {
      Image: 'api:1',
      Labels: { 'com.docker.stack.namespace': 'st' },
      Env: ['A=1'],
      Privileges: { CredentialSpec: null, SELinuxContext: null },
      Isolation: 'default',
    },
    Resources: {},
    Placement: {},
    Networks: [{ Target: 'net-id-1', Aliases: ['api'] }],
    ForceUpdate: 0,
    Runtime: 'container',
  },
  Mode: { Replicated: { Replicas: 1 } },
  UpdateConfig: { Parallelism: 1, Delay: 1e9, FailureAction: 'pause', MaxFailureRatio: 0, Order: 'stop-first' },
  EndpointSpec: { Mode: 'vip' },
} as unknown as ServiceSpec;

const comparison = { networkNames: new Map([['net-id-1', 'st_default']]) };

describe('sameServiceSpec', () => {
  it('sees the stored spec as equal to the one Berth would send', () => {
    expect(changedFields(desired, stored, comparison)).toEqual([]);
    expect(sameServiceSpec(desired, stored, comparison)).toBe(true);
  });

  it('names what changed: environment, replicas, update settings', () => {
    const next = structuredClone(desired);
    next.TaskTemplate.ContainerSpec.Env = ['A=2'];
    next.Mode = { Replicated: { Replicas: 3 } };
    next.UpdateConfig = { Parallelism: 2 };
    expect(changedFields(next, stored, comparison)).toEqual([
      'Mode.Replicated.Replicas',
      'TaskTemplate.ContainerSpec.Env',
      'UpdateConfig.Delay',
      'UpdateConfig.Parallelism',
    ]);
  });

  it('treats zero replicas as a change from the default one', () => {
    const scaledDown = structuredClone(desired);
    scaledDown.Mode = { Replicated: { Replicas: 0 } };
    expect(sameServiceSpec(scaledDown, stored, comparison)).toBe(false);
  });
});

describe('planStack', () => {
  const stack = (data: string): DesiredStack => ({
    stack: 'st',
    networks: [{ Name: 'st_default', Driver: 'overlay', Labels: { 'com.docker.stack.namespace': 'st' } }],
    externalNetworks: [],
    secrets: [],
    configs: [{ key: 'conf', spec: { Name: 'st_conf', Labels: { 'com.docker.stack.namespace': 'st' }, Data: data } }],
    services: [{ key: 'api', name: 'st_api', spec: desired, secrets: [], configs: [] }],
    findings: [],
  });
  const existing: SwarmService = { ID: 'svc1', Version: { Index: 7 }, Spec: stored };
  const observed = (services: SwarmService[]) => ({
    services,
    networks: [{ Id: 'net-id-1', Name: 'st_default', Driver: 'overlay', Scope: 'swarm' }],
    secrets: [],
    configs: [
      {
        ID: 'cfg1',
        Version: { Index: 3 },
        Spec: { Name: 'st_conf', Labels: { 'com.docker.stack.namespace': 'st' }, Data: 'bGV2ZWw9MQ==' },
      },
    ],
  });
  const options = { resolveImage: 'never' as const, images: new Map(), prune: true };

  it('leaves an unchanged stack alone and prunes services the file dropped', () => {
    const orphan: SwarmService = { ID: 'svc2', Version: { Index: 1 }, Spec: { ...stored, Name: 'st_old' } };
    const plan = planStack(stack('bGV2ZWw9MQ=='), observed([existing, orphan]), options);
    expect(plan.networks.map((step) => step.action)).toEqual(['unchanged']);
    expect(plan.configs.map((step) => step.action)).toEqual(['unchanged']);
    expect(plan.services.map((step) => `${step.name}:${step.action}`)).toEqual(['st_api:unchanged', 'st_old:remove']);
  });

  it('creates what is missing', () => {
    const plan = planStack(stack('bGV2ZWw9MQ=='), { services: [], networks: [], secrets: [], configs: [] }, options);
    expect([...plan.networks, ...plan.configs, ...plan.services].map((step) => step.action)).toEqual([
      'create',
      'create',
      'create',
    ]);
  });

  it("stops before anything changes when a config's content changed, or a name belongs to someone else", () => {
    expect(() => planStack(stack('bmV3'), observed([existing]), options)).toThrow(
      'Config "st_conf" exists with other content',
    );
    const foreign: SwarmService = {
      ...existing,
      Spec: { ...stored, Labels: { 'com.docker.stack.namespace': 'other' } },
    };
    expect(() => planStack(stack('bGV2ZWw9MQ=='), observed([foreign]), options)).toThrow('is not part of stack st');
  });
});

describe('splitDetails', () => {
  it('takes the task attributes off a service log line', () => {
    expect(
      splitDetails(
        'com.docker.swarm.node.id=n1,com.docker.swarm.service.id=s1,com.docker.swarm.task.id=t1 hello world',
      ),
    ).toEqual({
      nodeId: 'n1',
      taskId: 't1',
      text: 'hello world',
    });
    expect(splitDetails('plain line')).toEqual({ nodeId: null, taskId: null, text: 'plain line' });
    expect(splitDetails('a=b%20c,com.docker.swarm.task.id=t2 ')).toEqual({ nodeId: null, taskId: 't2', text: '' });
  });
});
