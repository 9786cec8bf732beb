import { create } from 'zustand';
import type { Notice } from '@shared/schemas/notices';

/** Toasts shown at once; an older one gives way to a newer. */
export const MAX_TOASTS = 4;
const MUTED_KEY = 'berth.notices.muted';

interface NoticesState {
  toasts: Notice[];
  muted: boolean;
  add(notice: Notice): void;
  dismiss(notice: Notice): void;
  setMuted(muted: boolean): void;
}

const sameToast = (a: Notice, b: Notice) => a.containerId === b.containerId && a.kind === b.kind;

/** A new notice replaces the one about the same container and kind, goes on top, and the oldest beyond the cap go. */
export function withNotice(toasts: readonly Notice[], notice: Notice): Notice[] {
  return [notice, ...toasts.filter((toast) => !sameToast(toast, notice))].slice(0, MAX_TOASTS);
}

function storedMuted(): boolean {
  try {
    return globalThis.localStorage?.getItem(MUTED_KEY) === '1';
  } catch {
    return false;
  }
}

/** The toasts on screen and the mute setting (kept across restarts). */
export const useNotices = create<NoticesState>()((set) => ({
  toasts: [],
  muted: storedMuted(),
  add: (notice) => set((state) => ({ toasts: withNotice(state.toasts, notice) })),
  dismiss: (notice) => set((state) => ({ toasts: state.toasts.filter((toast) => !sameToast(toast, notice)) })),
  setMuted(muted) {
    try {
      globalThis.localStorage?.setItem(MUTED_KEY, muted ? '1' : '0');
    } catch {
      // Storage refused (private mode): the setting lasts this session.
    }
    set({ muted, ...(muted ? { toasts: [] } : {}) });
  },
}));
