import { Anchor } from 'lucide-react';
import { Tooltip } from '../components/Tooltip';
import { withMod } from '../keyboard/app-shortcuts';
import { useBerthStore } from '../stores/store';
import { PAGE_TITLES, PAGES } from '../stores/ui-slice';
import { PAGE_REGISTRY, PAGE_SECTIONS } from './pages';
import { ThemeSwitcher } from './ThemeSwitcher';
import { useFailedCount } from './use-failed-count';

/** The pages by section, each with its shortcut; under 1100 px it narrows to icons with tooltips. */
export function Sidebar() {
  const page = useBerthStore((state) => state.page);
  const setPage = useBerthStore((state) => state.setPage);
  const failed = useFailedCount();
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        <Anchor size={18} aria-hidden="true" />
        <span className="brand-name">Berth</span>
      </div>
      {PAGE_SECTIONS.map((section) => (
        <div key={section} className="nav-section" role="group" aria-label={section}>
          <div className="nav-section-title" aria-hidden="true">
            {section}
          </div>
          <ul>
            {PAGES.filter((candidate) => PAGE_REGISTRY[candidate].section === section).map((candidate) => {
              const Icon = PAGE_REGISTRY[candidate].icon;
              const shortcut = withMod(String(PAGES.indexOf(candidate) + 1));
              const badge = candidate === 'projects' && failed > 0 ? failed : null;
              return (
                <li key={candidate}>
                  <Tooltip content={`${PAGE_TITLES[candidate]} (${shortcut})`} side="right">
                    <button
                      type="button"
                      className={candidate === page ? 'nav-item active' : 'nav-item'}
                      aria-current={candidate === page ? 'page' : undefined}
                      data-testid={`nav-${candidate}`}
                      onClick={() => setPage(candidate)}
                    >
                      <Icon size={18} aria-hidden="true" />
                      <span className="nav-label">{PAGE_TITLES[candidate]}</span>
                      {badge !== null && (
                        <span className="nav-badge" data-testid="nav-failed-badge">
                          {badge}
                          <span className="visually-hidden"> failed</span>
                        </span>
                      )}
                    </button>
                  </Tooltip>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      <div className="sidebar-spacer" />
      <ThemeSwitcher />
    </nav>
  );
}
