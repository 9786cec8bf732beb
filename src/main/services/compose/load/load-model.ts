/**
 * Files → one merged, canonical data model (compose-go loadYamlModel). Each YAML document of each file goes
 * through: interpolation → extends → !reset/!override → include → merge → unicity → schema → canonical form.
 * Then defaults, relative paths and bare environment keys are resolved once for the whole model.
 */
import { dirname } from 'node:path';
import { resolveBareKeys } from '../normalize/normalize-model';
import { resolveRelativePaths } from '../normalize/resolve-paths';
import { applyExtends } from '../extends/apply-extends';
import { applyInclude, type IncludedProject } from '../include/apply-include';
import { composeFileError, composeInvalidError } from '../errors/compose-errors';
import { interpolateTree } from '../interpolation/interpolate';
import { enforceUnicity } from '../merge/enforce-unicity';
import { mergeComposeMaps } from '../merge/merge-files';
import { validateAgainstSchema } from '../schema/validate-schema';
import { toCanonical } from '../transform/canonical';
import { setDefaultValues } from '../transform/defaults';
import { composeLimitError } from '../util/load-limits';
import { deepClone, emptyMap, isPlainMap, type PlainMap } from '../util/plain-data';
import { clearOverriddenPaths, removePath } from '../util/reset-paths';
import { decodeComposeText } from '../yaml/decode-text';
import { parseComposeYaml, type ParsedDocument } from '../yaml/parse-yaml';
import type { LoadContext, ModelOptions } from './load-context';
import { withSourcePosition } from './locate-error';

export async function loadModel(
  files: readonly string[],
  options: ModelOptions,
  context: LoadContext,
): Promise<PlainMap> {
  let model = emptyMap();
  for (const file of files) model = await loadFile(file, model, options, context);
  setDefaultValues(model);
  resolveRelativePaths(model, options.workingDir, context.home);
  resolveListEnvironments(model, context.environment);
  return model;
}

async function loadFile(file: string, accumulated: PlainMap, options: ModelOptions, context: LoadContext) {
  const documents = await parseFile(file, context);
  let model = accumulated;
  try {
    for (const document of documents) model = await processDocument(document, file, model, options, context);
  } catch (error) {
    throw withSourcePosition(error, context.documents, file);
  }
  return model;
}

/** The parsed documents of `file`, read and parsed once per load. */
export async function parseFile(file: string, context: LoadContext): Promise<ParsedDocument[]> {
  const cached = context.documents.get(file);
  if (cached !== undefined) return cached;
  const content = await context.files.readComposeFile(file);
  const text = typeof content === 'string' ? content : decodeComposeText(content, file);
  const documents = parseComposeYaml(text, file, context.limits);
  context.documents.set(file, documents);
  return documents;
}

async function processDocument(
  document: ParsedDocument,
  file: string,
  accumulated: PlainMap,
  options: ModelOptions,
  context: LoadContext,
): Promise<PlainMap> {
  if (!isPlainMap(document.data)) {
    throw composeFileError(`${file}: Top-level object must be a mapping`, { file });
  }
  const lookup = (name: string) => (Object.hasOwn(context.environment, name) ? context.environment[name] : undefined);
  const onUnset = (name: string) =>
    context.warn(`The ${JSON.stringify(name)} variable is not set. Defaulting to a blank string.`);
  const raw = deepClone(document.data);
  for (const path of document.resetPaths) removePath(raw, path);
  const model = interpolateTree(raw, { lookup, onUnset, file, locate: document.locate }) as PlainMap;

  const clearPaths = [...document.resetPaths, ...document.overridePaths];
  if (!options.skipExtends) {
    await applyExtends(model, file, (other) => loadExtendedServices(other, context), clearPaths);
  }
  clearOverriddenPaths(accumulated, clearPaths);
  if (!options.skipInclude) {
    await applyInclude(model, {
      workingDir: options.workingDir,
      environment: context.environment,
      included: [...options.included, file],
      files: context.files,
      loadIncluded: (project) => loadIncluded(project, context),
    });
  }

  let merged = enforceUnicity(mergeComposeMaps(accumulated, model));
  checkServiceCount(merged, file, context);
  if (!options.skipValidation) {
    validateAgainstSchema(merged, file, context.documents.get(file) ?? []);
    if ('version' in merged) {
      context.warn(
        `${file}: the attribute \`version\` is obsolete, it will be ignored, please remove it to avoid potential confusion`,
      );
      delete merged.version;
    }
  }
  merged = toCanonical(merged, { maxPorts: context.limits.maxPorts, warn: context.warn });
  omitEmptyDns(merged);
  return enforceUnicity(merged);
}

function checkServiceCount(model: PlainMap, file: string, context: LoadContext): void {
  const count = isPlainMap(model.services) ? Object.keys(model.services).length : 0;
  if (count <= context.limits.maxServices) return;
  throw composeLimitError(
    `${file}: the project has too many services (${count})`,
    'BERTH_COMPOSE_MAX_SERVICES',
    context.limits.maxServices,
    { file },
  );
}

/** Services of a file named by `extends.file`, with its relative paths resolved against its own directory. */
async function loadExtendedServices(file: string, context: LoadContext): Promise<PlainMap> {
  const model = await loadFile(
    file,
    emptyMap(),
    { workingDir: dirname(file), included: [], skipExtends: true, skipInclude: true, skipValidation: true },
    context,
  );
  resolveRelativePaths(model, dirname(file), context.home);
  const services = model.services;
  if (!isPlainMap(services)) {
    throw composeInvalidError(`cannot extend service in ${file}: no services section`, { file });
  }
  return services;
}

function loadIncluded(project: IncludedProject, parent: LoadContext): Promise<PlainMap> {
  const context: LoadContext = { ...parent, environment: project.environment };
  return loadModel(project.files, { workingDir: project.projectDirectory, included: project.included }, context);
}

function omitEmptyDns(model: PlainMap): void {
  const services = isPlainMap(model.services) ? model.services : {};
  for (const service of Object.values(services)) {
    if (isPlainMap(service) && Array.isArray(service.dns) && service.dns.length === 0) delete service.dns;
  }
}

function resolveListEnvironments(model: PlainMap, environment: Record<string, string>): void {
  const lookup = (name: string) => (Object.hasOwn(environment, name) ? environment[name] : undefined);
  const services = isPlainMap(model.services) ? model.services : {};
  for (const service of Object.values(services)) {
    if (isPlainMap(service) && Array.isArray(service.environment)) {
      service.environment = resolveBareKeys(service.environment, lookup, true);
    }
  }
}
