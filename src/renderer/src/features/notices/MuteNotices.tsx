import { Bell, BellOff } from 'lucide-react';
import { IconButton } from '../../components/IconButton';
import { useNotices } from './notices-store';

/** Mutes or unmutes the notices about dying, OOM-killed, unhealthy and crash-looping services. */
export function MuteNotices() {
  const muted = useNotices((state) => state.muted);
  const setMuted = useNotices((state) => state.setMuted);
  return (
    <IconButton
      icon={muted ? <BellOff size={14} /> : <Bell size={14} />}
      label={muted ? 'Notifications muted: unmute' : 'Mute notifications'}
      size="sm"
      aria-pressed={muted}
      data-testid="mute-notices"
      onClick={() => setMuted(!muted)}
    />
  );
}
