import type { CleanupPlan } from '@shared/schemas/disk';
import { CLEANUP_LABELS, formatBytes, plural } from './format';

/** What a clean-up plan removes, kind by kind, each list folded under its count and size. */
export function CleanupSections({ plan }: { plan: CleanupPlan }) {
  return (
    <div className="disk-cleanup-plan" data-testid="disk-cleanup-plan">
      {plan.sections.map((section) => (
        <details key={section.kind} className="disk-cleanup-section" data-kind={section.kind}>
          <summary>
            {CLEANUP_LABELS[section.kind]}:{' '}
            {section.items.length === 0 ? 'nothing to remove' : plural(section.items.length, 'item')}
            {section.items.length > 0 && <span className="muted"> · {formatBytes(section.reclaimableBytes)}</span>}
          </summary>
          <ul className="disk-confirm-list mono">
            {section.items.map((item) => (
              <li key={item.id}>
                {item.name} <span className="muted">{formatBytes(item.sizeBytes)}</span>
              </li>
            ))}
          </ul>
        </details>
      ))}
      <p data-testid="disk-cleanup-total">
        {plan.itemCount === 0 ? (
          'Nothing to remove: the chosen kinds hold nothing unused.'
        ) : (
          <>
            Frees <strong>{formatBytes(plan.reclaimableBytes)}</strong> ({plural(plan.itemCount, 'item')}).
          </>
        )}
      </p>
    </div>
  );
}
