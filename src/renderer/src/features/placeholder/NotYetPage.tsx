const WHAT_COMES: Record<string, string> = {
  projects: 'Compose projects with stack toggles and service cards.',
  logs: 'Aggregated, searchable logs of a container, a service or a whole stack.',
  volumes: 'A browser for volumes: datasets and checkpoints, without an agent.',
  gpus: 'Every GPU, who uses it, and whether containers can get it.',
  terminals: 'Shells into containers and on the host.',
};

/** Pages whose features are not in this build yet say so plainly instead of showing an empty screen. */
export function NotYetPage({ page }: { page: string }) {
  return (
    <div className="empty" data-testid="not-yet-page">
      <p>{WHAT_COMES[page]}</p>
      <p className="muted">Not available in this build yet. The Containers page shows everything the engine runs.</p>
    </div>
  );
}
