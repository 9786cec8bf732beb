import type { CleanupSelectionRequest } from '@shared/schemas/disk';

/** The Clean up dialog's checkboxes. */
export interface CleanupChoice {
  containers: boolean;
  danglingImages: boolean;
  unusedImages: boolean;
  buildCache: boolean;
  volumes: boolean;
}

export function selectionOf(choice: CleanupChoice): CleanupSelectionRequest {
  return {
    containers: choice.containers,
    images: choice.unusedImages ? 'unused' : choice.danglingImages ? 'dangling' : 'none',
    buildCache: choice.buildCache,
    volumes: choice.volumes,
  };
}

export function chooseAny(choice: CleanupChoice): boolean {
  return Object.values(choice).some(Boolean);
}
