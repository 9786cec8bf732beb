import { useState } from 'react';
import type { TransferMessage } from '@shared/schemas/volumes';
import { formatBytes } from './format';

/** A one-line description of the transfer in progress (or the last one), for the status row. */
export function useTransferStatus(): [
  string | null,
  (verb: string, message: TransferMessage) => void,
  (text: string | null) => void,
] {
  const [status, setStatus] = useState<string | null>(null);
  const update = (verb: string, message: TransferMessage) => {
    if (message.phase === 'choosing') setStatus(`${verb}: choose where to save…`);
    else if (message.phase === 'cancelled') setStatus(`${verb}: cancelled.`);
    else if (message.phase === 'done')
      setStatus(
        `${verb}: done, ${formatBytes(message.bytes)}${verb === 'Download' ? ` saved to ${message.destination}` : ''}.`,
      );
    else {
      const total = message.total === null ? '' : ` of ${formatBytes(message.total)}`;
      const percent = message.total ? ` (${Math.floor((message.bytes / message.total) * 100)}%)` : '';
      setStatus(`${verb}: ${formatBytes(message.bytes)}${total}${percent}`);
    }
  };
  return [status, update, setStatus];
}
