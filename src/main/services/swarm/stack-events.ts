/** Progress of a stack deploy or removal, for the CLI's printer and the app's progress view. */
import type { StackFinding } from './stack-findings';

export type StackObjectKind = 'network' | 'secret' | 'config' | 'service';

export type StackProgressEvent =
  /** Said before anything changes: what Swarm ignores, what Berth converted. */
  | { type: 'finding'; finding: StackFinding }
  | {
      type: 'step';
      object: StackObjectKind;
      name: string;
      action: 'create' | 'update' | 'unchanged' | 'remove' | 'verify';
      state: 'started' | 'done' | 'failed';
      /** For a service update: the spec fields that changed. */
      changes?: string[];
      /** The engine's warnings (a create or update), or the failure. */
      message?: string;
    }
  /** What the engine said about a service it created or updated (e.g. an image it could not pin). */
  | { type: 'warning'; name: string; message: string }
  /** A deploy failed part-way: what this run had done is being undone. */
  | {
      type: 'undo';
      object: StackObjectKind;
      name: string;
      action: 'remove' | 'rollback';
      state: 'done' | 'failed';
      message?: string;
    }
  /** Waiting for tasks (deploy with wait, removal): per service, running vs desired. */
  | {
      type: 'tasks';
      services: {
        name: string;
        running: number;
        /** Null while a global service's task count is not known yet. */ desired: number | null;
        updateState?: string;
      }[];
    }
  | { type: 'converged' };

export type StackProgress = (event: StackProgressEvent) => void;
