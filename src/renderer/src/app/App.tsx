import { Suspense, useState } from 'react';
import { TooltipProvider } from '../components/Tooltip';
import { EngineSwitcher } from '../features/engine/EngineSwitcher';
import { StatusBar } from '../features/engine/StatusBar';
import { useEngineSync } from '../features/engine/use-engine-sync';
import { Toasts } from '../features/notices/Toasts';
import { CommandPalette } from '../features/palette/CommandPalette';
import { useBerthStore } from '../stores/store';
import { PAGE_TITLES, PAGES, type Page } from '../stores/ui-slice';
import { PAGE_REGISTRY } from './pages';
import { Sidebar } from './Sidebar';
import { useKeyboardNavigation } from './use-keyboard-navigation';
import { useTheme } from './use-theme';
import './shell.css';

/** Pages opened so far that stay mounted while hidden (see `keepMounted`). */
function useKeptPages(page: Page): Page[] {
  const [kept, setKept] = useState<Page[]>([]);
  if (PAGE_REGISTRY[page].keepMounted && !kept.includes(page)) setKept([...kept, page]);
  return kept;
}

export function App() {
  useEngineSync();
  useTheme();
  useKeyboardNavigation();
  const page = useBerthStore((state) => state.page);
  const kept = useKeptPages(page);
  return (
    <TooltipProvider>
      <div className="app">
        <Sidebar />
        <main className="page-host">
          {PAGES.map((candidate) => {
            const entry = PAGE_REGISTRY[candidate];
            const shown = candidate === page;
            if (!shown && !kept.includes(candidate)) return null;
            const Component = entry.component;
            return (
              <section
                key={candidate}
                className={`page${entry.fills ? ' page-fills' : ''}`}
                data-testid={`page-${candidate}`}
                hidden={!shown}
                aria-labelledby={`page-title-${candidate}`}
              >
                <h1 id={`page-title-${candidate}`}>{PAGE_TITLES[candidate]}</h1>
                <div className="page-body">
                  <Suspense fallback={<p className="empty">Loading {PAGE_TITLES[candidate]}…</p>}>
                    <Component />
                  </Suspense>
                </div>
              </section>
            );
          })}
        </main>
        <StatusBar engineControl={<EngineSwitcher />} />
        <CommandPalette />
        <Toasts />
      </div>
    </TooltipProvider>
  );
}
