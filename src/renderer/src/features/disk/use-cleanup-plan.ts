import { useEffect, useState } from 'react';
import type { ErrorPayload } from '@shared/errors';
import type { CleanupPlan } from '@shared/schemas/disk';
import { api } from '../../lib/api';
import { chooseAny, selectionOf, type CleanupChoice } from './cleanup-choice';

interface Answer {
  /** The choice it is for (as JSON): an answer for an older choice is not shown. */
  key: string;
  plan: CleanupPlan | null;
  error: ErrorPayload | null;
}

/** What the current choice would remove, planned again (by main) each time the choice changes; the last one wins. */
/** `generation`: bump it to plan the same choice again (a failed run used its plan up). */
export function useCleanupPlan(choice: CleanupChoice, enabled: boolean, generation = 0) {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const key = JSON.stringify({ choice, generation });
  const wanted = enabled && chooseAny(choice);

  useEffect(() => {
    if (!wanted) return;
    let current = true;
    const selection = selectionOf((JSON.parse(key) as { choice: CleanupChoice }).choice);
    void api.disk.planCleanup(selection).then((result) => {
      if (!current) return;
      setAnswer(result.ok ? { key, plan: result.value, error: null } : { key, plan: null, error: result.error });
    });
    return () => {
      current = false;
    };
  }, [key, wanted]);

  const fresh = wanted && answer?.key === key ? answer : null;
  return { plan: fresh?.plan ?? null, planning: wanted && !fresh, error: fresh?.error ?? null };
}
