/** One operation per project at a time: a second one fails fast with E_PROJECT_BUSY instead of racing the first. */
import { BerthError } from '@shared/errors';

export class ProjectLocks {
  private readonly held = new Map<string, string>();

  async run<T>(project: string, operation: string, task: () => Promise<T>): Promise<T> {
    const current = this.held.get(project);
    if (current) {
      throw new BerthError('E_PROJECT_BUSY', `project "${project}" is busy: ${current} is still running`, {
        fix: `Wait for ${current} to finish, or cancel it, then try again.`,
        details: { project, operation: current },
      });
    }
    this.held.set(project, operation);
    try {
      return await task();
    } finally {
      this.held.delete(project);
    }
  }

  busy(project: string): string | undefined {
    return this.held.get(project);
  }
}
