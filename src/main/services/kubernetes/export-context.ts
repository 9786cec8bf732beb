import { isAbsolute, relative } from 'node:path';
import type { ComposeProject } from '../compose/model/project';
import type { ExportFinding } from './kube-object';
import { dnsLabel } from './kube-names';

/** What every mapping step of an export shares: the project, its Kubernetes names, and the findings so far. */
export class ExportContext {
  readonly findings: ExportFinding[] = [];
  /** The project name as a label value. */
  readonly projectLabel: string;

  constructor(readonly project: ComposeProject) {
    this.projectLabel = dnsLabel(project.name);
  }

  note(service: string | null, property: string, level: ExportFinding['level'], message: string): void {
    this.findings.push({ service, property, level, message });
  }

  /** A host path as the user wrote it: relative to the project directory when inside it. */
  displayPath(path: string): string {
    const relativePath = relative(this.project.workingDir, path);
    return relativePath && !relativePath.startsWith('..') && !isAbsolute(relativePath) ? `./${relativePath}` : path;
  }

  /** The Kubernetes name of a Compose service (its workload, container and Service). */
  serviceName(service: string): string {
    return dnsLabel(service, { startWithLetter: true });
  }
}
