import { CircleAlert, ScrollText, TriangleAlert, X } from 'lucide-react';
import { Button } from '../../components/Button';
import { IconButton } from '../../components/IconButton';
import { openLogs } from '../logs/logs-target';
import { useNotices } from './notices-store';
import { useNoticesFeed } from './use-notices-feed';
import './notices.css';

/** What went wrong in the opened projects, as toasts in the corner: each with its logs, until dismissed. */
export function Toasts() {
  useNoticesFeed();
  const toasts = useNotices((state) => state.toasts);
  const dismiss = useNotices((state) => state.dismiss);
  return (
    <section className="toasts" aria-label="Notifications" aria-live="polite" data-testid="toasts">
      {toasts.map((notice) => (
        <article
          key={`${notice.containerId} ${notice.kind}`}
          className={`toast toast-${notice.severity}`}
          data-testid="toast"
          data-kind={notice.kind}
          data-project={notice.project}
        >
          {notice.severity === 'failed' ? (
            <CircleAlert size={16} className="toast-icon" aria-hidden="true" />
          ) : (
            <TriangleAlert size={16} className="toast-icon" aria-hidden="true" />
          )}
          <div className="toast-text">
            <strong data-testid="toast-title">{notice.title}</strong>
            <p>{notice.body}</p>
            <span className="toast-project">{notice.project}</span>
          </div>
          <div className="toast-actions">
            {notice.service && (
              <Button
                size="sm"
                variant="ghost"
                icon={<ScrollText size={13} aria-hidden="true" />}
                onClick={() => openLogs({ kind: 'service', project: notice.project, service: notice.service! })}
              >
                Logs
              </Button>
            )}
            <IconButton icon={<X size={14} />} label="Dismiss" size="sm" onClick={() => dismiss(notice)} />
          </div>
        </article>
      ))}
    </section>
  );
}
