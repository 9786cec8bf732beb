/** Plans from half-done states: networks sharing a name, and what an interrupted recreate leaves. */
import { describe, expect, it } from 'vitest';
import { COMPOSE_LABELS } from '../../../src/main/services/compose/labels';
import { groupNetworks } from '../../../src/main/services/compose/engine/observe/networks';
import type { ObservedResource } from '../../../src/main/services/compose/engine/observe/observed-resource';
import { planDown } from '../../../src/main/services/compose/engine/plan/plan-lifecycle';
import { planUp } from '../../../src/main/services/compose/engine/plan/plan-up';
import { expectedConfigHash } from '../../../src/main/services/compose/engine/spec/container-spec';
import { observedContainer, observedState, projectFrom, projectNetwork } from './fixtures';

const STACK = `
name: shop
services:
  web: {image: berth-test-busybox:latest}
`;

const network = (id: string, labels: Record<string, string> = {}): ObservedResource => ({
  name: 'shop_default',
  id,
  labels,
});
const ours = { [COMPOSE_LABELS.project]: 'shop', [COMPOSE_LABELS.network]: 'default' };

describe('networks sharing a name', () => {
  it("picks the project's own network, then the lowest ID, whatever order the engine lists them in", () => {
    const stranger = network('0000');
    const [a, b] = [network('bbbb', ours), network('aaaa', ours)];
    for (const listed of [
      [stranger, a, b],
      [b, stranger, a],
    ]) {
      const grouped = groupNetworks(listed, 'shop');
      expect(grouped.byName.get('shop_default')).toBe(b);
      expect(grouped.shadowed.map((n) => n.id).sort()).toEqual(['0000', 'bbbb']);
    }
  });

  it('prefers the network the most of the project containers already joined', () => {
    const [a, b] = [network('aaaa', ours), network('bbbb', ours)];
    expect(groupNetworks([a, b], 'shop', new Map([['bbbb', 2]])).byName.get('shop_default')).toBe(b);
  });

  it("down removes every one of the project's networks with the name, by ID, and leaves a stranger's", async () => {
    const project = await projectFrom(STACK);
    const grouped = groupNetworks([network('bbbb', ours), network('aaaa', ours), network('0000')], 'shop');
    const plan = planDown(
      project,
      observedState('shop', [], { networks: grouped.byName, shadowedNetworks: grouped.shadowed }),
    );
    const removals = plan.steps.filter((step) => step.kind === 'remove-network');
    expect(removals.map((step) => step.kind === 'remove-network' && step.networkId).sort()).toEqual(['aaaa', 'bbbb']);
    expect(new Set(removals.map((step) => step.id)).size).toBe(2);
  });
});

describe('what an interrupted recreate leaves', () => {
  const withNetwork = { networks: new Map([projectNetwork('shop')]) };
  const hashed = async () => {
    const project = await projectFrom(STACK);
    return { project, configHash: expectedConfigHash(project, 'web', () => '') };
  };

  it('a renamed container alone is recreated under its own name', async () => {
    const { project, configHash } = await hashed();
    const renamed = observedContainer('shop', 'web', { configHash, id: 'a'.repeat(64), state: 'exited' });
    renamed.name = `${'a'.repeat(12)}_shop-web-1`;
    const plan = planUp(project, observedState('shop', [renamed], withNetwork));
    const create = plan.steps.find((step) => step.kind === 'create-container');
    expect(create).toMatchObject({
      reason: 'interrupted recreate',
      container: { name: 'shop-web-1' },
      replaces: { id: renamed.id },
    });
  });

  it('beside its replacement, the renamed one is removed before the replacement starts', async () => {
    const { project, configHash } = await hashed();
    const renamed = observedContainer('shop', 'web', { configHash, id: 'a'.repeat(64), state: 'exited', created: 2 });
    renamed.name = `${'a'.repeat(12)}_shop-web-1`;
    const replacement = observedContainer('shop', 'web', { configHash, id: 'b'.repeat(64), state: 'created' });
    const plan = planUp(project, observedState('shop', [renamed, replacement], withNetwork));
    expect(plan.steps.map((step) => step.id)).toEqual([
      `remove-container:${renamed.name}`,
      'start-container:shop-web-1',
    ]);
    expect(plan.steps[1]!.after).toEqual([`remove-container:${renamed.name}`]);
  });

  it('a container missing one of its networks is recreated', async () => {
    const { project, configHash } = await hashed();
    const joined = observedContainer('shop', 'web', { configHash, networks: [] });
    const plan = planUp(project, observedState('shop', [joined], withNetwork));
    expect(plan.steps.find((step) => step.kind === 'create-container')).toMatchObject({ reason: 'networks changed' });
  });
});
