import type { DiskCategory } from '@shared/schemas/disk';
import { CATEGORY_LABELS, formatBytes } from './format';

/**
 * The four lines of `docker system df`: how much each kind takes and how much of it could go. Each bar is scaled to
 * the biggest kind; its striped end is the reclaimable part.
 */
export function DiskSummary({ categories }: { categories: DiskCategory[] }) {
  const biggest = Math.max(1, ...categories.map((category) => category.sizeBytes));
  const total = categories.reduce((sum, category) => sum + category.sizeBytes, 0);
  const reclaimable = categories.reduce((sum, category) => sum + Math.max(0, category.reclaimableBytes), 0);
  return (
    <section className="disk-summary panel" aria-labelledby="disk-summary-title" data-testid="disk-summary">
      <h2 id="disk-summary-title">
        {formatBytes(total)} on disk <span className="muted">· {formatBytes(reclaimable)} reclaimable</span>
      </h2>
      <dl className="disk-categories">
        {categories.map((category) => {
          const reclaim = Math.min(Math.max(0, category.reclaimableBytes), category.sizeBytes);
          const usedShare = ((category.sizeBytes - reclaim) / biggest) * 100;
          const reclaimShare = (reclaim / biggest) * 100;
          return (
            <div className="disk-category" key={category.type} data-testid="disk-category" data-kind={category.type}>
              <dt>
                {CATEGORY_LABELS[category.type]}
                <span className="muted">
                  {' '}
                  {category.total} · {category.active} in use
                </span>
              </dt>
              <dd>
                <span className="disk-category-size" data-testid="disk-category-size">
                  {formatBytes(category.sizeBytes)}
                </span>
                <span className="muted disk-category-reclaim" data-testid="disk-category-reclaimable">
                  {formatBytes(reclaim)} reclaimable
                </span>
                <span
                  className="disk-bar"
                  role="img"
                  aria-label={`${CATEGORY_LABELS[category.type]}: ${formatBytes(category.sizeBytes)}, of which ${formatBytes(reclaim)} reclaimable`}
                >
                  <span className="disk-bar-used" style={{ width: `${usedShare}%` }} />
                  <span className="disk-bar-reclaimable" style={{ width: `${reclaimShare}%` }} />
                </span>
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
