/** Which container publishes a host port, so "port in use" can name it when Docker owns the port. */
import type Docker from 'dockerode';
import { explainEngineError, type EngineErrorContext, type EngineErrorText } from './engine-error-text';

const ANY_ADDRESS = new Set(['', '0.0.0.0', '::']);

/** The name of a running container that publishes `port` on `hostIp` (or on all addresses); null when none does. */
export async function findPortHolder(
  docker: Docker,
  hostIp: string,
  port: number,
  protocol: 'tcp' | 'udp' = 'tcp',
): Promise<string | null> {
  const running = await docker.listContainers({ filters: { status: ['running'] } });
  const holder = running.find((container) =>
    (container.Ports ?? []).some(
      (published) =>
        published.PublicPort === port &&
        (published.Type ?? 'tcp') === protocol &&
        (ANY_ADDRESS.has(published.IP ?? '') || ANY_ADDRESS.has(hostIp) || published.IP === hostIp),
    ),
  );
  return holder ? (holder.Names?.[0] ?? holder.Id.slice(0, 12)).replace(/^\//, '') : null;
}

/**
 * `explainEngineError`, and for a port clash the container that holds the port when Docker owns it. For the
 * compose engine's error path and the UI; never fails (a failed lookup leaves the holder out).
 */
export async function explainEngineErrorOn(
  docker: Docker,
  error: unknown,
  context: EngineErrorContext = {},
): Promise<EngineErrorText> {
  const text = explainEngineError(error, context);
  if (text.kind !== 'port-in-use' || !text.port || context.portHolder !== undefined) return text;
  const holder = await findPortHolder(docker, text.port.hostIp, text.port.port, text.port.protocol).catch(() => null);
  return holder ? explainEngineError(error, { ...context, portHolder: holder }) : text;
}
