import { NotYetPage } from '../placeholder/NotYetPage';

export function LogsPage() {
  return <NotYetPage page="logs" />;
}
