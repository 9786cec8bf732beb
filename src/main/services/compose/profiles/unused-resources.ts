/**
 * Drops top-level networks, volumes, secrets and configs that no enabled service uses, as the Compose CLI
 * does before printing or running a project (so a disabled profile's volumes are not created either).
 */
import type { ComposeModel, ComposeService } from '../model/project';

type Section = 'networks' | 'volumes' | 'secrets' | 'configs';

export function withoutUnusedResources(model: ComposeModel): void {
  const used: Record<Section, Set<string>> = {
    networks: new Set(),
    volumes: new Set(),
    secrets: new Set(),
    configs: new Set(),
  };
  for (const service of Object.values(model.services)) collectUsage(service, used);
  for (const section of Object.keys(used) as Section[]) {
    const resources = model[section];
    if (resources === undefined) continue;
    for (const name of Object.keys(resources)) if (!used[section].has(name)) delete resources[name];
    if (Object.keys(resources).length === 0) delete model[section];
  }
}

function collectUsage(service: ComposeService, used: Record<Section, Set<string>>): void {
  for (const network of Object.keys(service.networks ?? {})) used.networks.add(network);
  for (const volume of service.volumes ?? []) {
    if (volume.type === 'volume' && volume.source) used.volumes.add(volume.source);
  }
  for (const secret of service.secrets ?? []) used.secrets.add(secret.source);
  for (const secret of service.build?.secrets ?? []) used.secrets.add(secret.source);
  for (const config of service.configs ?? []) used.configs.add(config.source);
}
