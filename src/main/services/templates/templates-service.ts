import { randomBytes } from 'node:crypto';
import { access, chmod, cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { BerthError } from '@shared/errors';
import { TemplateSchema, type Template } from '@shared/schemas/projects';
import { setDotenvValue } from './dotenv-line';

const TemplateIndexSchema = z.array(TemplateSchema);

export interface CreateFromTemplate {
  templateId: string;
  /** A new or empty folder; Berth never writes into a folder that already has files. */
  targetDir: string;
  gpu: boolean;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/** Templates ship `KEY=change-me-…` placeholders; each project gets its own random values instead. */
export function withGeneratedSecrets(dotenv: string): string {
  return dotenv.replace(
    /^(\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*\s*=\s*)change-me[^\s#]*/gm,
    (_line, assignment: string) => `${assignment}${randomBytes(18).toString('base64url')}`,
  );
}

/** The ML stack templates shipped in resources/templates, and creating a project folder from one. */
export class TemplatesService {
  constructor(private readonly templatesDir: string) {}

  async list(): Promise<Template[]> {
    const index = JSON.parse(await readFile(path.join(this.templatesDir, 'index.json'), 'utf8')) as unknown;
    return TemplateIndexSchema.parse(index);
  }

  async create(request: CreateFromTemplate): Promise<{ directory: string; composeFiles: string[] }> {
    const template = (await this.list()).find((candidate) => candidate.id === request.templateId);
    if (!template) throw new BerthError('E_NOT_FOUND', `There is no template named "${request.templateId}".`);
    const targetDir = path.resolve(request.targetDir);
    await this.assertEmptyOrAbsent(targetDir);

    await mkdir(targetDir, { recursive: true });
    // The folder is empty (checked above); force: false still guarantees no file is ever overwritten.
    await cp(path.join(this.templatesDir, template.id), targetDir, { recursive: true, force: false });

    const composeFiles = await this.composeFilesFor(targetDir, template, request.gpu);
    const dotenvPath = path.join(targetDir, '.env');
    const dotenv = (await exists(dotenvPath)) ? await readFile(dotenvPath, 'utf8') : '';
    const withFiles = setDotenvValue(dotenv, 'COMPOSE_FILE', composeFiles.join(path.delimiter));
    await writeFile(dotenvPath, withGeneratedSecrets(withFiles), { mode: 0o600 });
    // The mode above applies only to a new file, and `cp` made it already: the .env holds secrets, so 0600 it is.
    await chmod(dotenvPath, 0o600);
    return { directory: targetDir, composeFiles };
  }

  /** GPU on adds compose.gpu.yaml; GPU off adds compose.cpu.yaml where the stack needs a CPU variant. */
  private async composeFilesFor(dir: string, template: Template, gpu: boolean): Promise<string[]> {
    const variant = template.gpu === 'optional' ? (gpu ? 'compose.gpu.yaml' : 'compose.cpu.yaml') : null;
    if (variant && (await exists(path.join(dir, variant)))) return ['compose.yaml', variant];
    return ['compose.yaml'];
  }

  private async assertEmptyOrAbsent(dir: string): Promise<void> {
    const entries = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw new BerthError('E_INVALID_INPUT', `Cannot use ${dir}: ${error.message}`);
    });
    if (entries.length > 0) {
      throw new BerthError('E_INVALID_INPUT', `${dir} is not empty.`, {
        fix: 'Choose a new folder name; Berth creates the folder and never writes over existing files.',
      });
    }
  }
}
