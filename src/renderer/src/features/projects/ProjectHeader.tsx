import {
  ArrowDownToLine,
  FileCode,
  FolderPlus,
  PackageX,
  Play,
  RotateCw,
  ScrollText,
  Square,
  SquareTerminal,
  X,
} from 'lucide-react';
import type { ProjectSummary } from '@shared/schemas/projects';
import { Button } from '../../components/Button';
import { Menu, type MenuEntry } from '../../components/Menu';
import { StatusDot } from '../../components/StatusDot';
import { Truncate } from '../../components/Truncate';
import { api } from '../../lib/api';
import { useEngineGate } from '../../status/engine-gate';
import type { ProjectSummaryView } from '../../status/project-summary';
import type { OperationState } from '../../stores/operation-progress';
import { projectRef } from '../../stores/project-key';
import { useBerthStore } from '../../stores/store';
import { WatchToggle } from '../builds/WatchToggle';
import { openLogs } from '../logs/logs-target';
import { openHostShell } from '../terminals/open-terminal';

interface ProjectHeaderProps {
  projectKey: string;
  project: ProjectSummary;
  summary: ProjectSummaryView;
  operation: OperationState | undefined;
  /** The compose files loaded: Up and Pull need them. */
  loaded: boolean;
  hasContainers: boolean;
  /** Some service has `develop.watch` rules: the Watch toggle shows. */
  watchable: boolean;
  onDown(): void;
  onEditEnv(): void;
}

/**
 * The project's name on its own row with its state, then one primary action (Up, or Stop while anything runs),
 * Logs, and the rest in a menu; Down, which removes containers, is red and last.
 */
export function ProjectHeader(props: ProjectHeaderProps) {
  const { projectKey, project, summary, operation, loaded, hasContainers, watchable, onDown, onEditEnv } = props;
  const runCompose = useBerthStore((state) => state.runCompose);
  const removeProject = useBerthStore((state) => state.removeProject);
  const loadProjects = useBerthStore((state) => state.loadProjects);
  const gate = useEngineGate();
  const busy = operation?.status === 'running';
  const running = summary.running > 0;
  const blocked = gate.reason ?? (busy ? 'An operation is running on this project.' : null);
  const engineHint = gate.connected ? undefined : 'engine unreachable';
  const run = (action: 'up' | 'stop' | 'restart' | 'pull') => runCompose(projectKey, action);

  const entries: MenuEntry[] = [];
  if (running) {
    // Stop is the primary action then; Up still starts what isn't running.
    entries.push({
      label: 'Up (start everything)',
      icon: <Play size={15} />,
      disabled: Boolean(blocked) || !loaded,
      hint: engineHint,
      onSelect: () => run('up'),
      testId: 'project-menu-up',
    });
  }
  entries.push(
    {
      label: 'Restart',
      icon: <RotateCw size={15} />,
      disabled: Boolean(blocked) || !running,
      hint: engineHint,
      onSelect: () => run('restart'),
      testId: 'project-restart',
    },
    {
      label: 'Pull images',
      icon: <ArrowDownToLine size={15} />,
      disabled: Boolean(blocked) || !loaded,
      hint: engineHint,
      onSelect: () => run('pull'),
      testId: 'project-pull',
    },
  );
  if (project.saved && project.directory) {
    const directory = project.directory;
    entries.push(
      {
        label: 'Shell in the project folder',
        icon: <SquareTerminal size={15} />,
        onSelect: () => openHostShell(directory, `Host shell (${project.name})`),
      },
      { label: 'Edit .env…', icon: <FileCode size={15} />, onSelect: onEditEnv, testId: 'project-env' },
      {
        label: 'Remove from list',
        icon: <X size={15} />,
        hint: 'files stay',
        onSelect: () => void removeProject(directory),
        testId: 'project-remove',
      },
    );
  } else if (project.directory) {
    const directory = project.directory;
    entries.push({
      label: 'Add to Berth',
      icon: <FolderPlus size={15} />,
      onSelect: () => void api.projects.add({ directory }).then(() => loadProjects()),
      testId: 'project-add-to-berth',
    });
  }
  entries.push('separator', {
    label: 'Down…',
    icon: <PackageX size={15} />,
    destructive: true,
    disabled: Boolean(blocked) || !hasContainers,
    hint: engineHint ?? (hasContainers ? undefined : 'nothing to remove'),
    onSelect: onDown,
    testId: 'project-down',
  });

  return (
    <header className="project-header">
      <div className="project-title-row">
        <StatusDot tone={summary.tone} />
        <h2 className="project-title">
          <Truncate text={project.name} />
        </h2>
        <span className={`project-summary tone-${summary.tone}`} data-testid="project-summary">
          {summary.text}
        </span>
      </div>
      <p className="project-path mono">
        <Truncate
          text={`${project.directory ?? 'files not on this machine'}${project.saved ? '' : ' · started outside Berth'}`}
        />
      </p>
      <div className="project-actions" role="group" aria-label="Project actions">
        {running ? (
          <Button
            variant="primary"
            icon={<Square size={15} aria-hidden="true" />}
            disabled={Boolean(blocked)}
            pending={busy && operation?.action === 'stop'}
            title={blocked ?? 'Stop every service (containers are kept)'}
            onClick={() => run('stop')}
            data-testid="project-stop"
          >
            Stop
          </Button>
        ) : (
          <Button
            variant="primary"
            icon={<Play size={15} aria-hidden="true" />}
            disabled={Boolean(blocked) || !loaded}
            pending={busy && operation?.action === 'up'}
            title={blocked ?? 'Create and start every service'}
            onClick={() => run('up')}
            data-testid="project-up"
          >
            Up
          </Button>
        )}
        <Button
          icon={<ScrollText size={15} aria-hidden="true" />}
          onClick={() => openLogs({ kind: 'project', project: project.name })}
          data-testid="project-logs"
        >
          Logs
        </Button>
        {watchable && (
          <WatchToggle
            projectKey={projectKey}
            project={projectRef(project)}
            disabledReason={
              gate.reason ?? (running ? undefined : 'Start the project first: watch syncs into running containers.')
            }
          />
        )}
        <Menu entries={entries} testId="project-menu" label="More" />
      </div>
    </header>
  );
}
