import { BerthError } from '@shared/errors';
import { scopedName } from './stack-labels';

/** Swarm's rule for service names (swarmkit validateAnnotations): a DNS name component, at most 63 characters. */
const DNS_COMPONENT = /^[a-zA-Z0-9](?:[-_]*[A-Za-z0-9]+)*$/;
const MAX_NAME_LENGTH = 63;

/**
 * Checks the stack name, and every `<stack>_<service>` name, before anything is created: Swarm would reject a bad
 * service name only after the stack's networks and secrets exist.
 */
export function checkStackNames(stack: string, services: readonly string[]): void {
  if (!DNS_COMPONENT.test(stack)) {
    throw new BerthError('E_INVALID_INPUT', `Invalid stack name "${stack}": Swarm names must be DNS name components.`, {
      fix: 'Use letters and digits, with "-" or "_" only between them (e.g. "ml-stack").',
    });
  }
  for (const service of services) {
    const name = scopedName(stack, service);
    if (!DNS_COMPONENT.test(name) || name.length > MAX_NAME_LENGTH) {
      throw new BerthError(
        'E_INVALID_INPUT',
        `Service "${service}": Swarm rejects the service name "${name}" (a DNS name component of at most ${MAX_NAME_LENGTH} characters).`,
        { fix: 'Rename the service or choose a shorter stack name.', details: { service } },
      );
    }
  }
}
