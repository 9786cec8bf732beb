import { describe, expect, it } from 'vitest';
import { planUp } from '../../../src/main/services/compose/engine/plan/plan-up';
import { expectedConfigHash } from '../../../src/main/services/compose/engine/spec/container-spec';
import type { Plan, Step } from '../../../src/main/services/compose/engine/plan/steps';
import { IMAGE_ID, observedContainer, observedState, projectFrom, projectNetwork } from './fixtures';

const STACK = `
name: shop
services:
  db:
    image: berth-test-busybox:latest
    healthcheck: {test: ["CMD", "true"], interval: 1s}
    volumes: [data:/data]
  migrate:
    image: berth-test-busybox:latest
    depends_on: {db: {condition: service_healthy}}
  web:
    image: berth-test-busybox:latest
    depends_on:
      db: {condition: service_healthy, restart: true}
      migrate: {condition: service_completed_successfully}
  sidecar:
    image: berth-test-busybox:latest
    network_mode: service:web
volumes:
  data: {}
`;

const ids = (plan: Plan) => plan.steps.map((step) => step.id);
const step = (plan: Plan, id: string): Step => plan.steps.find((candidate) => candidate.id === id)!;

async function upToDateObserved() {
  const project = await projectFrom(STACK);
  const idOf = (service: string) => `${service}${'0'.repeat(64)}`.slice(0, 64);
  const containers = Object.keys(project.model.services).map((service) =>
    observedContainer('shop', service, { configHash: expectedConfigHash(project, service, idOf), id: idOf(service) }),
  );
  const observed = observedState('shop', containers, {
    networks: new Map([projectNetwork('shop')]),
    volumes: new Map([['shop_data', { name: 'shop_data', id: 'shop_data', labels: {} }]]),
  });
  return { project, observed };
}

describe('planUp', () => {
  it('creates networks, volumes and every container of a fresh project, each after what it needs', async () => {
    const project = await projectFrom(STACK);
    const plan = planUp(project, observedState('shop'));
    expect(ids(plan)).toEqual(
      expect.arrayContaining([
        'create-network:default',
        'create-volume:data',
        'create-container:shop-db-1',
        'start-container:shop-db-1',
        'create-container:shop-web-1',
        'create-container:shop-sidecar-1',
      ]),
    );
    expect(step(plan, 'create-container:shop-db-1').after.sort()).toEqual([
      'create-network:default',
      'create-volume:data',
    ]);
    // network_mode: service:web needs web's container ID, so it is created after web.
    expect(step(plan, 'create-container:shop-sidecar-1').after).toContain('create-container:shop-web-1');
    expect(step(plan, 'start-container:shop-web-1').after.sort()).toEqual(
      ['create-container:shop-web-1', 'start-container:shop-db-1', 'start-container:shop-migrate-1'].sort(),
    );
    const webStart = step(plan, 'start-container:shop-web-1');
    expect(webStart.kind === 'start-container' && webStart.waitFor.map((d) => `${d.service}:${d.condition}`)).toEqual([
      'db:service_healthy',
      'migrate:service_completed_successfully',
    ]);
  });

  it('leaves a project that matches its containers alone', async () => {
    const { project, observed } = await upToDateObserved();
    const plan = planUp(project, observed);
    expect(plan.steps).toEqual([]);
    expect(plan.upToDate.map((ref) => ref.service).sort()).toEqual(['db', 'migrate', 'sidecar', 'web']);
  });

  it('starts stopped containers without recreating them', async () => {
    const { project, observed } = await upToDateObserved();
    observed.containers.find((c) => c.service === 'migrate')!.state = 'exited';
    expect(ids(planUp(project, observed))).toEqual(['start-container:shop-migrate-1']);
  });

  it('recreates on a config change, restarts restart:true dependents and recreates namespace sharers', async () => {
    const { project, observed } = await upToDateObserved();
    observed.containers.find((c) => c.service === 'db')!.configHash = 'stale';
    const plan = planUp(project, observed);
    const create = step(plan, 'create-container:shop-db-1');
    expect(create.kind === 'create-container' && create.reason).toBe('config changed');
    expect(create.kind === 'create-container' && create.replaces?.name).toBe('shop-db-1');
    // web depends on db with restart: true → stopped before db is recreated, started after.
    expect(create.after).toContain('stop-container:shop-web-1');
    expect(step(plan, 'start-container:shop-web-1').after).toContain('start-container:shop-db-1');
    // migrate (no restart: true) is left alone.
    expect(ids(plan).some((id) => id.includes('migrate'))).toBe(false);
  });

  it('recreates a service sharing the namespace of a recreated one', async () => {
    const { project, observed } = await upToDateObserved();
    observed.containers.find((c) => c.service === 'web')!.configHash = 'stale';
    const plan = planUp(project, observed);
    const sidecar = step(plan, 'create-container:shop-sidecar-1');
    expect(sidecar.kind === 'create-container' && sidecar.reason).toBe('dependency recreated');
    expect(sidecar.after).toContain('create-container:shop-web-1');
  });

  it('recreates when the image changed, and always with force, never with never', async () => {
    const { project, observed } = await upToDateObserved();
    observed.containers.find((c) => c.service === 'migrate')!.imageId = 'sha256:old';
    const changed = step(planUp(project, observed), 'create-container:shop-migrate-1');
    expect(changed.kind === 'create-container' && changed.reason).toBe('image changed');
    expect(
      planUp(project, observed, { recreate: 'force' }).steps.filter((s) => s.kind === 'create-container'),
    ).toHaveLength(4);
    expect(planUp(project, observed, { recreate: 'never' }).steps).toEqual([]);
  });

  it('brings up named services with their dependencies only', async () => {
    const project = await projectFrom(STACK);
    const plan = planUp(project, observedState('shop'), { services: ['migrate'] });
    const services = new Set(plan.steps.flatMap((s) => ('container' in s ? [s.container.service] : [])));
    expect([...services].sort()).toEqual(['db', 'migrate']);
  });

  it('pulls missing images and builds services with a build section', async () => {
    const project = await projectFrom(`
services:
  a: {image: "registry.local/x:1"}
  b: {build: ., image: "local/b"}
`);
    const plan = planUp(project, observedState(project.name, [], { images: new Map() }));
    expect(ids(plan)).toEqual(expect.arrayContaining(['pull-image:a', 'build-image:b']));
    expect(step(plan, 'create-container:proj-a-1').after).toContain('pull-image:a');
    expect(
      planUp(
        project,
        observedState(project.name, [], {
          images: new Map([
            ['registry.local/x:1', IMAGE_ID],
            ['local/b', IMAGE_ID],
          ]),
        }),
      ).steps.some((s) => s.kind.endsWith('-image')),
    ).toBe(false);
  });

  it('warns about orphans, and removes them with removeOrphans', async () => {
    const { project, observed } = await upToDateObserved();
    observed.containers.push(observedContainer('shop', 'gone'));
    expect(planUp(project, observed).warnings[0]).toMatch(/orphan containers \(shop-gone-1\)/);
    expect(ids(planUp(project, observed, { removeOrphans: true }))).toEqual([
      'stop-container:shop-gone-1',
      'remove-container:shop-gone-1',
    ]);
  });

  it('refuses a missing external network, naming it', async () => {
    const project = await projectFrom(`
services: {a: {image: berth-test-busybox:latest, networks: [outside]}}
networks: {outside: {external: true, name: corp-net}}
`);
    expect(() => planUp(project, observedState(project.name))).toThrow(
      'network corp-net declared as external, but could not be found',
    );
  });

  it('scales to deploy.replicas / scale, numbering containers like Compose', async () => {
    const project = await projectFrom('services: {w: {image: berth-test-busybox:latest, scale: 2}}');
    const plan = planUp(
      project,
      observedState(project.name, [observedContainer('proj', 'w', { number: 3, state: 'exited' })]),
    );
    expect(ids(plan)).toEqual(
      expect.arrayContaining(['create-container:proj-w-1', 'create-container:proj-w-2', 'remove-container:proj-w-3']),
    );
  });
});

describe('planUp: optional dependencies', () => {
  it('does not wait for a required: false dependency that is not in the project (profile off)', async () => {
    const project = await projectFrom(`
services:
  app:
    image: berth-test-busybox:latest
    depends_on: {cache: {condition: service_healthy, required: false}}
  cache:
    image: berth-test-busybox:latest
    profiles: [cache]
`);
    const start = planUp(project, observedState(project.name)).steps.find(
      (s) => s.id === 'start-container:proj-app-1',
    )!;
    expect(start.kind === 'start-container' && start.waitFor).toEqual([]);
  });
});
