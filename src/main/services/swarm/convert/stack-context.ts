import type { ComposeProject } from '../../compose/model/project';
import { scopedName } from '../stack-labels';

/** What every conversion needs: the loaded project and the stack it becomes. */
export interface StackContext {
  project: ComposeProject;
  stack: string;
}

/**
 * The engine name of a top-level network, volume, secret or config. The loader names every resource
 * `<project>_<key>` unless the file says `name:`; `docker stack deploy` uses `<stack>_<key>` instead, and the
 * file's `name:` as written. A name equal to the loader's default is taken as not written.
 */
export function stackResourceName(
  context: StackContext,
  key: string,
  config: { name?: string; external?: boolean } | undefined,
): string {
  if (config?.external) return config.name ?? key;
  const loaderDefault = scopedName(context.project.name, key);
  if (config?.name && config.name !== loaderDefault) return config.name;
  return scopedName(context.stack, key);
}
