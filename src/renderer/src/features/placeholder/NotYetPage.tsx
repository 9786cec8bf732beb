/** The Projects page is not in this build yet: say so plainly and point at what works, never an empty screen. */
export function NotYetPage() {
  return (
    <div className="empty" data-testid="not-yet-page">
      <p>Compose projects with stack toggles and service cards arrive in a later build.</p>
      <p className="muted">
        Today: the Containers page shows every container by Compose project, and the <code>berth</code> command runs up,
        down, logs and exec on your compose files.
      </p>
    </div>
  );
}
