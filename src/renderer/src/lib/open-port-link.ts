import { toErrorPayload, type ErrorPayload } from '@shared/errors';
import type { Endpoint } from '@shared/schemas/engine';
import { api } from './api';

/** Where a remote engine's published ports are: through an ssh tunnel, or directly at a tcp engine's host. */
export interface RemotePorts {
  /** The host as the engine's address names it (`ssh://ada@gpu-box:2222` → `gpu-box`). */
  host: string;
  via: 'tunnel' | 'direct';
}

/** Null for an engine on this machine: its ports are on localhost. */
export function remotePortsOf(endpoint: Endpoint | null | undefined): RemotePorts | null {
  if (!endpoint || endpoint.local || (endpoint.kind !== 'ssh' && endpoint.kind !== 'tcp')) return null;
  const via = endpoint.kind === 'ssh' ? 'tunnel' : 'direct';
  try {
    return { host: new URL(endpoint.address).hostname || 'the engine host', via };
  } catch {
    return { host: 'the engine host', via };
  }
}

export type PortLinkOpened = { ok: true; mapping: string | null } | { ok: false; error: ErrorPayload };

/**
 * Opens a published port's link (`http://localhost:8888/lab?token=…`) in the browser: as it is for an engine on this
 * machine; on a remote one main finds the way (an ssh tunnel opened on demand, or the tcp engine's host) for the
 * port and path. `mapping` says where a tunnel goes (`gpu-box:8888 → localhost:53211`).
 */
export async function openPortLink(
  link: { url: string; protocol?: string },
  remote: RemotePorts | null,
  containerId?: string,
): Promise<PortLinkOpened> {
  try {
    if (!remote) {
      const result = await api.app.openExternal({ url: link.url });
      return result.ok ? { ok: true, mapping: null } : { ok: false, error: result.error };
    }
    const url = new URL(link.url);
    const protocol = link.protocol === 'udp' || link.protocol === 'sctp' ? link.protocol : 'tcp';
    const result = await api.engines.openPort({
      containerId,
      port: Number(url.port),
      protocol,
      path: `${url.pathname}${url.search}`,
    });
    return result.ok ? { ok: true, mapping: result.value.mapping } : { ok: false, error: result.error };
  } catch (failure) {
    return { ok: false, error: toErrorPayload(failure) };
  }
}
