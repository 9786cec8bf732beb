import type Docker from 'dockerode';
import type { EngineEvent, EngineState } from '@shared/schemas/engine';

/** What the events stream needs from the engine connection (see docker/engine-connection.ts). */
export interface EngineWatch {
  getState(): EngineState;
  onStateChange(listener: (state: EngineState) => void): () => void;
  onEvent(listener: (event: EngineEvent) => void): () => void;
  getDocker(): Docker;
}
