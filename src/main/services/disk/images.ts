/** The engine's images with sizes and who uses them, and an image's layers with the instruction behind each. */
import type Docker from 'dockerode';
import { BerthError } from '@shared/errors';
import type { ImageDisk, ImageLayer } from '@shared/schemas/disk';
import { COMPOSE_LABELS } from '../compose/labels';

const NONE_TAG = '<none>:<none>';

/**
 * Images as `docker images` lists them (`all`: with the intermediate layers of classic builds), each with the
 * containers created from it and their compose projects. Shared sizes need the engine's df (see system-df.ts).
 */
export async function listImages(docker: Docker, options: { all?: boolean } = {}): Promise<ImageDisk[]> {
  const [images, containers] = await Promise.all([
    docker.listImages({ all: true }),
    docker.listContainers({ all: true }),
  ]);
  const users = new Map<string, { count: number; projects: Set<string> }>();
  for (const container of containers) {
    const entry = users.get(container.ImageID) ?? { count: 0, projects: new Set<string>() };
    entry.count++;
    const project = container.Labels?.[COMPOSE_LABELS.project];
    if (project) entry.projects.add(project);
    users.set(container.ImageID, entry);
  }
  const parents = new Set(images.map((image) => image.ParentId).filter(Boolean));
  return images
    .map((image): ImageDisk => {
      const repoTags = (image.RepoTags ?? []).filter((tag) => tag !== NONE_TAG);
      const used = users.get(image.Id);
      const untagged = repoTags.length === 0;
      return {
        id: image.Id,
        repoTags,
        createdAt: image.Created * 1000,
        sizeBytes: image.Size,
        sharedSizeBytes: image.SharedSize >= 0 ? image.SharedSize : null,
        uniqueSizeBytes: image.SharedSize >= 0 ? image.Size - image.SharedSize : null,
        containers: used?.count ?? 0,
        projects: [...(used?.projects ?? [])].sort(),
        dangling: untagged && !parents.has(image.Id),
        intermediate: untagged && parents.has(image.Id),
      };
    })
    .filter((image) => options.all || !image.intermediate)
    .sort((a, b) => b.createdAt - a.createdAt);
}

/** `docker history`: the image's layers, newest first, with the instruction that made each and its size. */
export async function imageHistory(docker: Docker, reference: string): Promise<ImageLayer[]> {
  let history: Array<{
    Id: string;
    Created: number;
    CreatedBy: string;
    Tags: string[] | null;
    Size: number;
    Comment: string;
  }>;
  try {
    history = await docker.getImage(reference).history();
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) {
      throw new BerthError('E_NOT_FOUND', `No image "${reference}" on this engine.`, {
        fix: 'Check the name with `berth images`; pull or build it first.',
      });
    }
    throw error;
  }
  return history.map((layer) => ({
    id: layer.Id,
    createdAt: layer.Created * 1000,
    instruction: instructionOf(layer.CreatedBy ?? ''),
    sizeBytes: layer.Size,
    comment: layer.Comment ?? '',
    tags: layer.Tags ?? [],
  }));
}

/**
 * The Dockerfile instruction a history entry records, as written: the classic builder stores
 * `/bin/sh -c #(nop)  CMD ["sh"]` for metadata and `/bin/sh -c pip install …` (or `|2 A=1 B=2 /bin/sh -c …` with
 * build args) for RUN; BuildKit stores `RUN /bin/sh -c pip install … # buildkit`.
 */
export function instructionOf(createdBy: string): string {
  let text = createdBy.trim().replace(/\s*# buildkit$/, '');
  const metadata = /^\/bin\/sh -c #\(nop\)\s+(.*)$/s.exec(text);
  if (metadata) return metadata[1]!.trim();
  text = text.replace(/^\|\d+ (?:\S+=\S* )*/, '');
  const classicRun = /^\/bin\/sh -c (.*)$/s.exec(text);
  if (classicRun) return `RUN ${classicRun[1]!.trim()}`;
  return text.replace(/^RUN \/bin\/sh -c /, 'RUN ');
}
