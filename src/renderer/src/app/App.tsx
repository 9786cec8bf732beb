import { ContainersPage } from '../features/containers/ContainersPage';
import { StatusBar } from '../features/engine/StatusBar';
import { useEngineSync } from '../features/engine/use-engine-sync';
import { GpusPage } from '../features/gpus/GpusPage';
import { LogsPage } from '../features/logs/LogsPage';
import { CommandPalette } from '../features/palette/CommandPalette';
import { ProjectsPage } from '../features/projects/ProjectsPage';
import { TerminalsPage } from '../features/terminals/TerminalsPage';
import { VolumesPage } from '../features/volumes/VolumesPage';
import { useBerthStore } from '../stores/store';
import { PAGE_TITLES } from '../stores/ui-slice';
import { Sidebar } from './Sidebar';
import { useKeyboardNavigation } from './use-keyboard-navigation';
import { useTheme } from './use-theme';

export function App() {
  useEngineSync();
  useTheme();
  useKeyboardNavigation();
  const page = useBerthStore((state) => state.page);
  return (
    <div className="app">
      <Sidebar />
      <main className="page" data-testid={`page-${page}`}>
        <h1>{PAGE_TITLES[page]}</h1>
        {page === 'containers' && <ContainersPage />}
        {page === 'logs' && <LogsPage />}
        {page === 'gpus' && <GpusPage />}
        {page === 'projects' && <ProjectsPage />}
        {page === 'volumes' && <VolumesPage />}
        <TerminalsPage visible={page === 'terminals'} />
      </main>
      <StatusBar />
      <CommandPalette />
    </div>
  );
}
