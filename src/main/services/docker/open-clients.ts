/**
 * Engine clients still holding connections open, by their close functions. Kept apart from docker-client (and
 * dockerode) so the CLI can close them without loading either when a command never made one.
 */
const open = new Set<() => void>();

export function trackOpenClient(close: () => void): () => void {
  open.add(close);
  return () => open.delete(close);
}

/** Closes every client still open: the CLI calls it when a command returns, so the process can exit. */
export function closeAllEngineClients(): void {
  for (const close of [...open]) close();
}
