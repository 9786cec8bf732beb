/**
 * A project's `develop.watch` rules, ready to match changed paths: each trigger's absolute path, action and target;
 * its `ignore` patterns (relative to the trigger's path), the build context's `.dockerignore` (relative to the
 * context), and the files editors and git write that Compose never syncs. Every trigger whose path holds a changed
 * path, and that does not ignore it, acts on it, as in Compose 2.26.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore from '@balena/dockerignore';
import { BerthError } from '@shared/errors';
import type { ComposeProject } from '../compose/model/project';
import type { ServiceHookConfig, WatchTriggerConfig } from '../compose/model/service';
import type { WatchAction } from './watch-status';

export interface WatchTrigger {
  service: string;
  action: WatchAction;
  /** Absolute path on this machine (a directory or one file). */
  path: string;
  /** Absolute path in the container, for sync actions. */
  target?: string;
  exec?: ServiceHookConfig;
  initialSync: boolean;
  ignores(absolutePath: string): boolean;
}

export interface TriggerMatch {
  trigger: WatchTrigger;
  /** Where the changed path goes in the container (sync actions). */
  containerPath?: string;
}

const ACTIONS = new Set<WatchAction>(['sync', 'rebuild', 'sync+restart', 'sync+exec']);

/** Editors' swap and backup files, and git's own folder (Compose's ephemeral-file rules). */
const ALWAYS_IGNORED = [
  '**/.git',
  '**/*.swp',
  '**/*.swx',
  '**/*~',
  '**/.#*',
  '**/#*#',
  '**/4913',
  '**/*___jb_tmp___',
  '**/*___jb_old___',
  '**/.goutputstream-*',
];

export function watchTriggers(project: ComposeProject, services: string[] = []): WatchTrigger[] {
  const chosen = services.length ? services : Object.keys(project.model.services);
  const triggers: WatchTrigger[] = [];
  for (const service of chosen) {
    const config = project.model.services[service];
    if (!config) throw new BerthError('E_NOT_FOUND', `no such service: ${service}`);
    for (const rule of config.develop?.watch ?? [])
      triggers.push(triggerOf(project, service, rule, contextIgnore(project, service)));
  }
  return triggers;
}

function triggerOf(
  project: ComposeProject,
  service: string,
  rule: WatchTriggerConfig & { initial_sync?: boolean },
  contextIgnored: (absolutePath: string) => boolean,
): WatchTrigger {
  const action = rule.action as WatchAction;
  if (!ACTIONS.has(action)) {
    throw new BerthError(
      'E_COMPOSE_INVALID',
      `service "${service}": watch action "${rule.action}" is not one Berth knows`,
      {
        fix: 'Use sync, rebuild, sync+restart or sync+exec.',
      },
    );
  }
  if (action !== 'rebuild' && !rule.target) {
    throw new BerthError(
      'E_COMPOSE_INVALID',
      `service "${service}": the ${action} rule for ${rule.path} has no target`,
      {
        fix: 'Give the rule a target: the path in the container the files go to.',
      },
    );
  }
  if (action === 'rebuild' && !project.model.services[service]?.build) {
    throw new BerthError(
      'E_COMPOSE_INVALID',
      `service "${service}" watches ${rule.path} to rebuild, but has no build section`,
      {
        fix: 'Add a build: section to the service, or use a sync action.',
      },
    );
  }
  if (action === 'sync+exec' && !rule.exec?.command?.length) {
    throw new BerthError(
      'E_COMPOSE_INVALID',
      `service "${service}": the sync+exec rule for ${rule.path} has no exec command`,
    );
  }
  const path = isAbsolute(rule.path) ? rule.path : resolve(project.workingDir, rule.path);
  const own = ignore().add([...ALWAYS_IGNORED, ...(rule.ignore ?? [])]);
  return {
    service,
    action,
    path,
    target: rule.target,
    exec: rule.exec,
    initialSync: rule.initial_sync === true,
    ignores: (absolutePath) => {
      const inside = relative(path, absolutePath);
      return (inside !== '' && own.ignores(toSlash(inside))) || contextIgnored(absolutePath);
    },
  };
}

/** The `.dockerignore` of the service's build context, for paths inside that context. */
function contextIgnore(project: ComposeProject, service: string): (absolutePath: string) => boolean {
  const build = project.model.services[service]?.build;
  if (!build) return () => false;
  const context = resolve(project.workingDir, build.context ?? '.');
  let rules: string[] = [];
  try {
    rules = readFileSync(join(context, '.dockerignore'), 'utf8').split(/\r?\n/);
  } catch {
    return () => false;
  }
  const matcher = ignore().add(rules);
  return (absolutePath) => {
    const inside = relative(context, absolutePath);
    return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) && matcher.ignores(toSlash(inside));
  };
}

/** The triggers that take `absolutePath`, each with where the path goes in the container. */
export function matchTriggers(triggers: WatchTrigger[], absolutePath: string): TriggerMatch[] {
  const matches: TriggerMatch[] = [];
  for (const trigger of triggers) {
    const inside = relative(trigger.path, absolutePath);
    if (inside.startsWith('..') || isAbsolute(inside) || trigger.ignores(absolutePath)) continue;
    const containerPath = trigger.target
      ? inside === ''
        ? trigger.target
        : `${trigger.target.replace(/\/+$/, '')}/${toSlash(inside)}`
      : undefined;
    matches.push({ trigger, ...(containerPath ? { containerPath } : {}) });
  }
  return matches;
}

function toSlash(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
