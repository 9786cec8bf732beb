/** The merged, normalised data → the typed model, one struct at a time per model/go-layout.ts. */
import type { ComposeModel } from '../model/project';
import { toJsonData } from '../util/go-scalars';
import { emptyMap, isPlainMap, type PlainMap } from '../util/plain-data';
import { decodeLayout } from './decode';

const RESOURCE_LAYOUTS = [
  ['networks', 'Network'],
  ['volumes', 'TopVolume'],
  ['secrets', 'FileObject'],
  ['configs', 'FileObject'],
] as const;

export function decodeModel(merged: PlainMap): ComposeModel {
  const services = isPlainMap(merged.services) ? merged.services : {};
  const model: ComposeModel = { name: String(merged.name), services: emptyMap() };
  for (const key of Object.keys(services).sort()) {
    model.services[key] = decodeLayout('Service', services[key], `services.${key}`);
  }
  for (const [section, layout] of RESOURCE_LAYOUTS) {
    const resources = merged[section];
    if (!isPlainMap(resources) || Object.keys(resources).length === 0) continue;
    const decoded = emptyMap<never>();
    for (const key of Object.keys(resources).sort()) {
      (decoded as PlainMap)[key] = decodeLayout(layout, resources[key], `${section}.${key}`);
    }
    model[section] = decoded;
  }
  for (const [key, value] of Object.entries(merged)) {
    if (key.startsWith('x-')) model[key as `x-${string}`] = toJsonData(value);
  }
  // Compose writes the top level with its keys sorted (configs, name, networks, secrets, services, volumes, x-…).
  const sorted = {} as ComposeModel;
  for (const key of Object.keys(model).sort()) Object.assign(sorted, { [key]: model[key as keyof ComposeModel] });
  return sorted;
}
