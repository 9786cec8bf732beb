/** `berth df`, `berth images` and `berth prune` tables, in the docker CLI's units and layout. */
import type { DiskCategory, DiskUsage, ImageDisk, ImageLayer, PrunePlan, PruneResult } from '@shared/schemas/disk';
import { DOCKER_TABLE, formatTable } from './compose-table';
import { humanAge, humanSize } from './docker-units';

const CATEGORY_NAMES: Record<DiskCategory['type'], string> = {
  images: 'Images',
  containers: 'Containers',
  volumes: 'Local Volumes',
  'build-cache': 'Build Cache',
};

/** `6.477MB (99%)`: docker prints the share (truncated) except for the build cache. */
function reclaimable(category: DiskCategory): string {
  const text = humanSize(category.reclaimableBytes);
  if (category.type === 'build-cache' || category.sizeBytes <= 0) return text;
  return `${text} (${Math.trunc((category.reclaimableBytes * 100) / category.sizeBytes)}%)`;
}

export function formatDiskSummary(usage: DiskUsage): string {
  const rows = usage.categories.map((category) => [
    CATEGORY_NAMES[category.type],
    String(category.total),
    String(category.active),
    humanSize(category.sizeBytes),
    reclaimable(category),
  ]);
  let out = formatTable(['TYPE', 'TOTAL', 'ACTIVE', 'SIZE', 'RECLAIMABLE'], rows, DOCKER_TABLE);
  if (usage.projects.length > 0) {
    out += `\nCompose projects:\n\n${formatTable(
      ['PROJECT', 'IMAGES', 'CONTAINERS', 'VOLUMES', 'TOTAL'],
      usage.projects.map((p) => [
        p.project,
        humanSize(p.imagesBytes),
        humanSize(p.containersBytes),
        humanSize(p.volumesBytes),
        humanSize(p.totalBytes),
      ]),
      DOCKER_TABLE,
    )}`;
  }
  return out;
}

export function formatDiskDetails(usage: DiskUsage, now = Date.now()): string {
  const shortId = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);
  const optional = (bytes: number | null) => (bytes === null ? 'N/A' : humanSize(bytes));
  const images = formatImageTable(usage.images, now, true);
  const containers = formatTable(
    ['CONTAINER ID', 'IMAGE', 'SIZE', 'STATUS', 'PROJECT', 'NAMES'],
    usage.containers.map((c) => [shortId(c.id), c.image, humanSize(c.sizeRwBytes), c.state, c.project ?? '', c.name]),
    DOCKER_TABLE,
  );
  const volumes = formatTable(
    ['VOLUME NAME', 'LINKS', 'SIZE', 'PROJECT'],
    usage.volumes.map((v) => [v.name, String(v.refCount), optional(v.sizeBytes), v.project ?? '']),
    DOCKER_TABLE,
  );
  const cache = formatTable(
    ['CACHE ID', 'CACHE TYPE', 'SIZE', 'LAST USED', 'USAGE', 'SHARED', 'IN USE', 'DESCRIPTION'],
    usage.buildCache.map((r) => [
      r.id.slice(0, 12),
      r.type,
      humanSize(r.sizeBytes),
      r.lastUsedAt === null ? '' : humanAge(r.lastUsedAt, now),
      String(r.usageCount),
      r.shared ? 'true' : 'false',
      r.inUse ? 'true' : 'false',
      r.description.length > 60 ? `${r.description.slice(0, 59)}…` : r.description,
    ]),
    DOCKER_TABLE,
  );
  return [
    `Images space usage:\n\n${images}`,
    `Containers space usage:\n\n${containers}`,
    `Local Volumes space usage:\n\n${volumes}`,
    `Build cache usage: ${humanSize(usage.categories.find((c) => c.type === 'build-cache')?.sizeBytes ?? 0)}\n\n${cache}`,
  ].join('\n');
}

function splitTag(tag: string | undefined): [string, string] {
  if (!tag) return ['<none>', '<none>'];
  const colon = tag.lastIndexOf(':');
  return colon > tag.lastIndexOf('/') ? [tag.slice(0, colon), tag.slice(colon + 1)] : [tag, '<none>'];
}

/** One row per tag, as `docker images`; with `detailed`, shared and unique sizes too. */
export function formatImageTable(images: readonly ImageDisk[], now = Date.now(), detailed = false): string {
  const rows: string[][] = [];
  for (const image of images) {
    for (const tag of image.repoTags.length > 0 ? image.repoTags : [undefined]) {
      const [repository, version] = splitTag(tag);
      const row = [
        repository,
        version,
        image.id.replace(/^sha256:/, '').slice(0, 12),
        humanAge(image.createdAt, now),
        humanSize(image.sizeBytes),
      ];
      if (detailed) {
        row.push(
          image.sharedSizeBytes === null ? 'N/A' : humanSize(image.sharedSizeBytes),
          image.uniqueSizeBytes === null ? 'N/A' : humanSize(image.uniqueSizeBytes),
        );
      }
      row.push(String(image.containers), image.projects.join(', '));
      rows.push(row);
    }
  }
  const headers = ['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'];
  if (detailed) headers.push('SHARED SIZE', 'UNIQUE SIZE');
  headers.push('CONTAINERS', 'USED BY');
  return formatTable(headers, rows, DOCKER_TABLE);
}

/** `docker history`'s columns, the instruction cut at 45 characters unless `full`, then the biggest layers. */
export function formatHistory(layers: readonly ImageLayer[], full: boolean, now = Date.now()): string {
  const cut = (text: string) => (full || text.length <= 45 ? text : `${text.slice(0, 44)}…`);
  const table = formatTable(
    ['IMAGE', 'CREATED', 'CREATED BY', 'SIZE', 'COMMENT'],
    layers.map((layer) => [
      layer.id === '<missing>' ? '<missing>' : layer.id.replace(/^sha256:/, '').slice(0, 12),
      humanAge(layer.createdAt, now),
      cut(layer.instruction),
      humanSize(layer.sizeBytes),
      layer.comment,
    ]),
    DOCKER_TABLE,
  );
  const total = layers.reduce((sum, layer) => sum + layer.sizeBytes, 0);
  const biggest = [...layers]
    .filter((layer) => layer.sizeBytes > 0)
    .sort((a, b) => b.sizeBytes - a.sizeBytes)
    .slice(0, 3);
  if (total <= 0 || biggest.length === 0) return table;
  const lines = biggest.map(
    (layer) =>
      `  ${humanSize(layer.sizeBytes).padStart(9)}  ${Math.round((layer.sizeBytes * 100) / total)
        .toString()
        .padStart(3)}%  ${cut(layer.instruction)}`,
  );
  return `${table}\nTotal ${humanSize(total)}; the biggest layers:\n${lines.join('\n')}\n`;
}

export function formatPrunePlan(plan: PrunePlan): string {
  const noun = plan.kind === 'build-cache' ? 'build cache records' : plan.kind;
  if (plan.items.length === 0)
    return `Nothing to remove: no ${plan.kind === 'images' ? 'unused images' : noun} match.\n`;
  const list = plan.items.map((item) => `  ${humanSize(item.sizeBytes).padStart(9)}  ${item.name}`).join('\n');
  const atLeast = plan.kind === 'images' ? 'at least ' : '';
  return `Would remove ${plan.items.length} ${noun}, freeing ${atLeast}${humanSize(plan.reclaimableBytes)}:\n${list}\n`;
}

export function formatPruneResult(result: PruneResult): string {
  const noun = result.kind === 'build-cache' ? 'build cache records' : result.kind;
  let out = `Removed ${result.removed.length} ${noun}; reclaimed ${humanSize(result.reclaimedBytes)}.\n`;
  for (const item of result.skipped) out += `Kept ${item.name}: ${item.reason}\n`;
  return out;
}
