import { NotYetPage } from '../placeholder/NotYetPage';

/** Always mounted (hidden when another page shows) so terminals keep running and keep their scrollback. */
export function TerminalsPage({ visible }: { visible: boolean }) {
  return <div hidden={!visible}>{visible && <NotYetPage page="terminals" />}</div>;
}
