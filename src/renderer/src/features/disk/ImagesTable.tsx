import { Layers } from 'lucide-react';
import { useMemo, useState } from 'react';
import type { ImageDisk } from '@shared/schemas/disk';
import { Badge } from '../../components/Badge';
import { IconButton } from '../../components/IconButton';
import { Truncate } from '../../components/Truncate';
import { formatAge, formatBytes, imageName, plural, shortId } from './format';
import { DEFAULT_IMAGE_SORT, nextImageSort, sortImages, type ImageSortKey } from './image-sort';

const COLUMNS: Array<{ key: ImageSortKey; label: string; className: string }> = [
  { key: 'name', label: 'Image', className: 'col-image' },
  { key: 'id', label: 'ID', className: 'col-id' },
  { key: 'size', label: 'Size', className: 'col-size numeric' },
  { key: 'created', label: 'Created', className: 'col-created' },
  { key: 'containers', label: 'Used by', className: 'col-used' },
];

interface ImagesTableProps {
  images: ImageDisk[];
  selected: ReadonlySet<string>;
  onSelectedChange(selected: Set<string>): void;
  onShowLayers(image: ImageDisk): void;
  /** What to say when there are no rows (no images, or none that the filter shows). */
  emptyText: string;
}

function usedByText(image: ImageDisk): string {
  if (image.containers === 0) return 'unused';
  const projects = image.projects.length > 0 ? ` (${image.projects.join(', ')})` : '';
  return `${plural(image.containers, 'container')}${projects}`;
}

/** The engine's images, sortable by each column, with a checkbox per row for removing several at once. */
export function ImagesTable({ images, selected, onSelectedChange, onShowLayers, emptyText }: ImagesTableProps) {
  const [sort, setSort] = useState(DEFAULT_IMAGE_SORT);
  const rows = useMemo(() => sortImages(images, sort), [images, sort]);
  const allSelected = rows.length > 0 && rows.every((image) => selected.has(image.id));
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onSelectedChange(next);
  };

  if (images.length === 0) return <p className="empty">{emptyText}</p>;
  return (
    <div className="table-frame">
      <table className="data-table disk-images" data-testid="disk-images">
        <thead>
          <tr>
            <th className="col-select">
              <input
                type="checkbox"
                aria-label="Select all images"
                checked={allSelected}
                onChange={(event) => onSelectedChange(new Set(event.target.checked ? rows.map((i) => i.id) : []))}
                data-testid="disk-select-all"
              />
            </th>
            {COLUMNS.map((column) => (
              <th
                key={column.key}
                className={column.className}
                aria-sort={sort.key === column.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
              >
                <button
                  type="button"
                  className="sort-button"
                  onClick={() => setSort(nextImageSort(sort, column.key))}
                  data-testid={`disk-sort-${column.key}`}
                >
                  {column.label}
                </button>
              </th>
            ))}
            <th className="col-actions">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((image) => (
            <tr
              key={image.id}
              data-testid="disk-image-row"
              data-image-id={image.id}
              data-image-name={imageName(image)}
              className={selected.has(image.id) ? 'selected' : undefined}
            >
              <td className="col-select">
                <input
                  type="checkbox"
                  aria-label={`Select ${imageName(image)}`}
                  checked={selected.has(image.id)}
                  onChange={(event) => toggle(image.id, event.target.checked)}
                  data-testid="disk-image-select"
                />
              </td>
              <td>
                <span className="cell-with-badges">
                  <Truncate text={image.repoTags.join(', ') || '<none>'} className="mono" />
                  {image.dangling && (
                    <Badge tone="warn" testId="disk-image-dangling" title="Untagged and no image builds on it">
                      dangling
                    </Badge>
                  )}
                </span>
              </td>
              <td className="mono" title={image.id}>
                {shortId(image.id)}
              </td>
              <td
                className="numeric"
                data-testid="disk-image-size"
                title={
                  image.uniqueSizeBytes === null
                    ? undefined
                    : `${formatBytes(image.uniqueSizeBytes)} of its own, ${formatBytes(image.sharedSizeBytes ?? 0)} shared with other images`
                }
              >
                {formatBytes(image.sizeBytes)}
              </td>
              <td title={new Date(image.createdAt).toLocaleString()}>{formatAge(image.createdAt)}</td>
              <td className={image.containers === 0 ? 'muted' : undefined} data-testid="disk-image-used">
                <Truncate text={usedByText(image)} />
              </td>
              <td className="col-actions">
                <IconButton
                  icon={<Layers size={15} />}
                  label={`Layers of ${imageName(image)}`}
                  size="sm"
                  onClick={() => onShowLayers(image)}
                  data-testid="disk-image-layers"
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
