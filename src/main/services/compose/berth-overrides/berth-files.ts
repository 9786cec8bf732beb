/**
 * Berth's override files on disk. Loading reads them from memory; before containers are created with labels
 * naming them (`com.docker.compose.project.config_files`), they must exist with that content, so that the
 * Compose CLI can reproduce the project. Written only when the content differs, atomically.
 */
import { readFile, rm } from 'node:fs/promises';
import { writeFileAtomic } from '../../files/atomic-write';
import type { ComposeProject } from '../model/project';

/** Writes `content` to `path` unless it already holds it; `undefined` removes the file. */
export async function writeBerthFile(path: string, content: string | undefined): Promise<void> {
  if (content === undefined) {
    await rm(path, { force: true });
    return;
  }
  const current = await readFile(path, 'utf8').catch(() => undefined);
  if (current !== content) await writeFileAtomic(path, content, 0o644);
}

/** Makes every in-memory override of `project` exist on disk as loaded. */
export async function persistBerthFiles(project: ComposeProject): Promise<void> {
  for (const file of project.berthFiles) await writeBerthFile(file.path, file.content);
}
