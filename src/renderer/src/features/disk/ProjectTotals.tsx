import type { ProjectDisk } from '@shared/schemas/disk';
import { formatBytes } from './format';

/**
 * Each compose project's share: the images its containers use (an image two projects share counts for both), its
 * containers' writable layers and its volumes.
 */
export function ProjectTotals({ projects }: { projects: ProjectDisk[] }) {
  if (projects.length === 0) return null;
  return (
    <details className="disk-projects" data-testid="disk-projects">
      <summary>By project ({projects.length})</summary>
      <div className="table-frame">
        <table className="data-table disk-project-table">
          <thead>
            <tr>
              <th>Project</th>
              <th className="numeric">Images</th>
              <th className="numeric">Containers</th>
              <th className="numeric">Volumes</th>
              <th className="numeric">Total</th>
            </tr>
          </thead>
          <tbody>
            {projects.map((project) => (
              <tr key={project.project} data-testid="disk-project-row" data-project={project.project}>
                <td className="mono" title={project.project}>
                  {project.project}
                </td>
                <td className="numeric">{formatBytes(project.imagesBytes)}</td>
                <td className="numeric">{formatBytes(project.containersBytes)}</td>
                <td className="numeric">{formatBytes(project.volumesBytes)}</td>
                <td className="numeric">
                  <strong>{formatBytes(project.totalBytes)}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
