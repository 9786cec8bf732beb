import { PAGE_TITLES, PAGES } from '../stores/ui-slice';
import { useBerthStore } from '../stores/store';

export function Sidebar() {
  const page = useBerthStore((state) => state.page);
  const setPage = useBerthStore((state) => state.setPage);
  const theme = useBerthStore((state) => state.theme);
  const setTheme = useBerthStore((state) => state.setTheme);
  const nextTheme = theme === 'system' ? 'light' : theme === 'light' ? 'dark' : 'system';
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">Berth</div>
      <ul>
        {PAGES.map((candidate, index) => (
          <li key={candidate}>
            <button
              type="button"
              className={candidate === page ? 'nav-item active' : 'nav-item'}
              aria-current={candidate === page ? 'page' : undefined}
              data-testid={`nav-${candidate}`}
              title={`${PAGE_TITLES[candidate]} (Ctrl+${index + 1})`}
              onClick={() => setPage(candidate)}
            >
              {PAGE_TITLES[candidate]}
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="theme-toggle"
        data-testid="theme-toggle"
        onClick={() => setTheme(nextTheme)}
        title="Switch theme"
      >
        Theme: {theme}
      </button>
    </nav>
  );
}
