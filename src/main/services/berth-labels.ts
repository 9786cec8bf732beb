/** Labels Berth puts on what it creates for itself (never on the user's resources). */
export const BERTH_LABELS = {
  /** Short-lived helper containers (volume browsing); hidden from the user's container lists. */
  helper: 'io.berth.helper',
} as const;
