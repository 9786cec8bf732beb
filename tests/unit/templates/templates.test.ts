import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/main/services/compose/load';
import { setDotenvValue } from '../../../src/main/services/templates/dotenv-line';
import { TemplatesService, withGeneratedSecrets } from '../../../src/main/services/templates/templates-service';

const TEMPLATES_DIR = path.resolve(__dirname, '../../../resources/templates');
const service = new TemplatesService(TEMPLATES_DIR);

describe('generated secrets', () => {
  it('replaces each change-me placeholder with its own random value and keeps everything else', () => {
    const text =
      '# keep me\nPOSTGRES_PASSWORD=change-me-postgres\nMINIO_ROOT_USER=minio\nexport TOKEN = change-me # note\n';
    const generated = withGeneratedSecrets(text);
    const lines = generated.split('\n');
    expect(lines[0]).toBe('# keep me');
    expect(lines[1]).toMatch(/^POSTGRES_PASSWORD=[A-Za-z0-9_-]{24}$/);
    expect(lines[2]).toBe('MINIO_ROOT_USER=minio');
    expect(lines[3]).toMatch(/^export TOKEN = [A-Za-z0-9_-]{24} # note$/);
    expect(withGeneratedSecrets(text)).not.toBe(generated);
  });
});

describe('ML stack templates', () => {
  let workDir: string;

  beforeEach(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'berth-templates-'));
  });

  afterEach(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  it('lists the five stacks', async () => {
    expect((await service.list()).map((template) => template.id)).toEqual([
      'mlflow-tracking',
      'gpu-jupyter',
      'vllm-gateway',
      'ollama-webui',
      'monitoring',
    ]);
  });

  it.each(['mlflow-tracking', 'gpu-jupyter', 'vllm-gateway', 'ollama-webui', 'monitoring'])(
    '%s: created with and without a GPU, passes the loader with healthchecks everywhere but one-shot jobs',
    async (id) => {
      for (const gpu of [true, false]) {
        const target = path.join(workDir, `${id}-${gpu ? 'gpu' : 'cpu'}`);
        const { composeFiles } = await service.create({ templateId: id, targetDir: target, gpu });
        const project = await loadProject({ workingDir: target, files: composeFiles, env: {} });
        const services = Object.entries(project.model.services);
        expect(services.length).toBeGreaterThan(0);
        for (const [name, definition] of services) {
          const oneShot = name === 'create-bucket';
          if (!oneShot) expect(definition.healthcheck, `${id}/${name} has a healthcheck`).toBeDefined();
        }
        const requestsGpu = services.some(([, definition]) => JSON.stringify(definition.deploy ?? {}).includes('gpu'));
        const template = (await service.list()).find((candidate) => candidate.id === id)!;
        expect(requestsGpu).toBe(gpu && template.gpu === 'optional');
        const dotenv = await readFile(path.join(target, '.env'), 'utf8');
        expect(dotenv).toContain(`COMPOSE_FILE=${composeFiles.join(path.delimiter)}`);
        // Named after its folder (two copies of one template never share a name), with secrets of its own, private.
        expect(project.name).toBe(path.basename(target));
        expect(dotenv).not.toMatch(/=change-me/);
        expect((await stat(path.join(target, '.env'))).mode & 0o777).toBe(0o600);
      }
    },
  );

  it('shares one Hugging Face cache volume between the stacks that download models', async () => {
    for (const id of ['gpu-jupyter', 'vllm-gateway', 'ollama-webui']) {
      const target = path.join(workDir, id);
      const { composeFiles } = await service.create({ templateId: id, targetDir: target, gpu: false });
      const project = await loadProject({ workingDir: target, files: composeFiles, env: {} });
      expect(project.model.volumes?.['hf-cache']?.name).toBe('huggingface-cache');
    }
  });

  it('never writes into a folder that already has files', async () => {
    await writeFile(path.join(workDir, 'notes.txt'), 'mine');
    await expect(service.create({ templateId: 'gpu-jupyter', targetDir: workDir, gpu: false })).rejects.toMatchObject({
      code: 'E_INVALID_INPUT',
    });
    expect(await readFile(path.join(workDir, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('rejects an unknown template', async () => {
    await expect(
      service.create({ templateId: 'nope', targetDir: path.join(workDir, 'x'), gpu: false }),
    ).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
  });
});

describe('setDotenvValue', () => {
  it('replaces the first assignment and keeps comments and other lines', () => {
    expect(setDotenvValue('# keep\nCOMPOSE_FILE=a.yaml\nTOKEN=x\n', 'COMPOSE_FILE', 'a.yaml:b.yaml')).toBe(
      '# keep\nCOMPOSE_FILE=a.yaml:b.yaml\nTOKEN=x\n',
    );
    expect(setDotenvValue('export COMPOSE_FILE=a\n', 'COMPOSE_FILE', 'b')).toBe('COMPOSE_FILE=b\n');
  });

  it('appends when the key is absent, adding a newline only when needed', () => {
    expect(setDotenvValue('', 'A', '1')).toBe('A=1\n');
    expect(setDotenvValue('B=2', 'A', '1')).toBe('B=2\nA=1\n');
  });
});
