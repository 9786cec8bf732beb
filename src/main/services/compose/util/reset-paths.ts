/** `!reset` drops a value from this file and from earlier files; `!override` replaces what earlier files set. */
import { isPlainMap, type KeyPath, type PlainMap } from './plain-data';

export function removePath(target: unknown, path: KeyPath): void {
  if (path.length === 0) return;
  let node: unknown = target;
  for (const key of path.slice(0, -1)) {
    if (isPlainMap(node)) node = node[String(key)];
    else if (Array.isArray(node) && typeof key === 'number') node = node[key];
    else return;
  }
  const last = path[path.length - 1]!;
  if (isPlainMap(node)) delete node[String(last)];
}

/** Applies a document's reset/override paths to what earlier documents and files produced. */
export function clearOverriddenPaths(accumulated: PlainMap, paths: readonly KeyPath[]): void {
  for (const path of paths) if (!path.some((key) => typeof key === 'number')) removePath(accumulated, path);
}
