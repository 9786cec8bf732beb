/**
 * A plan is data: the steps that take the engine from what it holds (observed) to what the project describes
 * (desired). Each step names the steps it must follow (`after`); `apply` runs every step whose predecessors are
 * done, in parallel.
 */
import type { Dependency } from './dependency-graph';

interface StepBase {
  /** Unique within a plan, e.g. `create:myproj-web-1`. */
  id: string;
  after: string[];
}

export type CreateReason =
  | 'missing'
  | 'config changed'
  | 'image changed'
  | 'dependency recreated'
  | 'forced'
  /** Not joined to every network of its service (a create cut short before it joined them all). */
  | 'networks changed'
  /** The container is one a recreate cut short left under a temporary name. */
  | 'interrupted recreate';

export interface ContainerRef {
  service: string;
  name: string;
  /** Known for existing containers; created ones get theirs at apply time. */
  id?: string;
}

export type Step = StepBase &
  (
    | { kind: 'create-network'; key: string; name: string }
    | { kind: 'create-volume'; key: string; name: string }
    | { kind: 'pull-image'; service: string; image: string }
    | { kind: 'build-image'; service: string; image: string }
    | {
        kind: 'create-container';
        container: ContainerRef;
        number: number;
        reason: CreateReason;
        replaces?: ContainerRef;
      }
    /** Starts the container once the dependencies' conditions hold. */
    | { kind: 'start-container'; container: ContainerRef; waitFor: Dependency[] }
    | { kind: 'stop-container'; container: ContainerRef }
    | { kind: 'restart-container'; container: ContainerRef }
    | { kind: 'remove-container'; container: ContainerRef; removeVolumes: boolean }
    /** By ID where known: several networks can share the name. */
    | { kind: 'remove-network'; name: string; networkId?: string }
    | { kind: 'remove-volume'; name: string }
  );

export type StepKind = Step['kind'];

export interface Plan {
  project: string;
  steps: Step[];
  /** Containers that already match the project and are running. */
  upToDate: ContainerRef[];
  /** Things the user should know that don't stop the plan (orphans left in place…). */
  warnings: string[];
}

export function stepId(kind: StepKind, target: string): string {
  return `${kind}:${target}`;
}
