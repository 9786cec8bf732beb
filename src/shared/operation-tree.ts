import { OPERATION_NAMES } from './operation-names';

/**
 * Groups `domain.operation` names into `{ domain: { operation: fn } }`, the shape of `window.berth`.
 * Shared by the Electron preload and the browser test-bridge transport so both expose the same API.
 */
export function buildOperationTree(
  invoke: (name: string, input: unknown) => Promise<unknown>,
): Record<string, Record<string, (input?: unknown) => Promise<unknown>>> {
  const tree: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const name of OPERATION_NAMES) {
    const [domain, operation] = name.split('.') as [string, string];
    tree[domain] ??= {};
    tree[domain][operation] = (input?: unknown) => invoke(name, input);
  }
  return tree;
}
