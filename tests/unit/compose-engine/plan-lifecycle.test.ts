import { describe, expect, it } from 'vitest';
import {
  planDown,
  planRestart,
  planStart,
  planStop,
} from '../../../src/main/services/compose/engine/plan/plan-lifecycle';
import { observedContainer, observedState, projectFrom, projectNetwork } from './fixtures';

const STACK = `
name: shop
services:
  db: {image: berth-test-busybox:latest, volumes: [data:/data]}
  web: {image: berth-test-busybox:latest, depends_on: [db], networks: [default, outside]}
volumes:
  data: {}
networks:
  outside: {external: true}
`;

async function setup(state = 'running') {
  const project = await projectFrom(STACK);
  const observed = observedState(
    'shop',
    [observedContainer('shop', 'db', { state }), observedContainer('shop', 'web', { state })],
    {
      networks: new Map([projectNetwork('shop'), ['outside', { name: 'outside', id: 'o', labels: {} }]]),
      volumes: new Map([
        ['shop_data', { name: 'shop_data', id: 'shop_data', labels: { 'com.docker.compose.project': 'shop' } }],
      ]),
    },
  );
  return { project, observed };
}

describe('planDown', () => {
  it('stops dependents first, removes containers, then the project networks; volumes only with -v', async () => {
    const { project, observed } = await setup();
    const plan = planDown(project, observed);
    const byId = new Map(plan.steps.map((step) => [step.id, step]));
    expect(byId.get('stop-container:shop-db-1')!.after).toEqual(['stop-container:shop-web-1']);
    expect(byId.get('remove-network:shop_default')!.after.sort()).toEqual([
      'remove-container:shop-db-1',
      'remove-container:shop-web-1',
    ]);
    expect(byId.has('remove-network:outside')).toBe(false);
    expect(byId.has('remove-volume:shop_data')).toBe(false);
    const withVolumes = planDown(project, observed, { removeVolumes: true });
    expect(withVolumes.steps.map((s) => s.id)).toContain('remove-volume:shop_data');
    expect(withVolumes.steps.find((s) => s.kind === 'remove-container')).toMatchObject({ removeVolumes: true });
  });

  it('leaves orphans unless asked', async () => {
    const { project, observed } = await setup();
    observed.containers.push(observedContainer('shop', 'old', { state: 'exited' }));
    expect(planDown(project, observed).steps.map((s) => s.id)).not.toContain('remove-container:shop-old-1');
    expect(planDown(project, observed, { removeOrphans: true }).steps.map((s) => s.id)).toContain(
      'remove-container:shop-old-1',
    );
  });
});

describe('start, stop, restart plans', () => {
  it('start waits on dependencies in order; stop goes dependents first; restart dependencies first', async () => {
    const stopped = await setup('exited');
    const start = planStart(stopped.project, stopped.observed);
    expect(start.steps.find((s) => s.id === 'start-container:shop-web-1')!.after).toEqual([
      'start-container:shop-db-1',
    ]);
    const running = await setup();
    expect(
      planStop(running.project, running.observed).steps.find((s) => s.id === 'stop-container:shop-db-1')!.after,
    ).toEqual(['stop-container:shop-web-1']);
    expect(
      planRestart(running.project, running.observed).steps.find((s) => s.id === 'restart-container:shop-web-1')!.after,
    ).toEqual(['restart-container:shop-db-1']);
    expect(planStop(running.project, running.observed, ['web']).steps.map((s) => s.id)).toEqual([
      'stop-container:shop-web-1',
    ]);
    expect(() => planStart(running.project, running.observed, ['nope'])).toThrow('no such service: nope');
  });
});

describe('planDown by labels (the files are gone)', () => {
  it('removes every container, network and (with -v) volume carrying the project label', async () => {
    const { observed } = await setup();
    const byName = { ...(await projectFrom('services: {}')), name: 'shop', model: { name: 'shop', services: {} } };
    const plan = planDown(byName, observed, { byLabels: true, removeVolumes: true });
    expect(plan.steps.map((s) => s.id).sort()).toEqual(
      [
        'stop-container:shop-db-1',
        'stop-container:shop-web-1',
        'remove-container:shop-db-1',
        'remove-container:shop-web-1',
        'remove-network:shop_default',
        'remove-volume:shop_data',
      ].sort(),
    );
    expect(plan.warnings).toEqual([]);
  });
});
