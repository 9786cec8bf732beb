/** `berth export kubernetes`: the Compose project as Kubernetes manifests, validated, written or applied. */
import { resolve } from 'node:path';
import { applyManifests } from '../../services/kubernetes/apply-manifests';
import { exportToKubernetes } from '../../services/kubernetes/export-project';
import type { ExportFinding } from '../../services/kubernetes/kube-object';
import { manifestsYaml } from '../../services/kubernetes/manifest-yaml';
import { validateManifests } from '../../services/kubernetes/validate-manifests';
import { writeManifests } from '../../services/kubernetes/write-manifests';
import type { CliCommand } from '../command';
import { COMPOSE_GLOBAL_FLAGS_USAGE, ComposeFlagError, parseComposeFlags } from '../compose-flags';
import { describeCliError, formatCliError } from '../cli-errors';
import { EXIT_CODES, exitCodeFor } from '../exit-codes';
import { loadCliProject } from '../load-cli-project';
import { flag, parseOptions, UsageError } from './compose-command';

const USAGE = `Usage: berth ${COMPOSE_GLOBAL_FLAGS_USAGE} export kubernetes [OPTIONS]

Export the Compose project as Kubernetes manifests: a Deployment per service (a StatefulSet when it keeps data in
named volumes), Services, PersistentVolumeClaims, ConfigMaps and Secrets, GPU limits (nvidia.com/gpu, amd.com/gpu),
probes from healthchecks and resources from deploy.resources. Every manifest is validated against the Kubernetes
schemas; what can't be mapped is listed per service. The same project always gives the same bytes.

Options:
  -o, --output DIR      Write one file per object into DIR (default: all of them to stdout)
      --apply           Apply to the current kubeconfig context: server-side dry run, a diff, then the apply
      --dry-run         With --apply: stop after the dry run and the diff
  -n, --namespace NS    Namespace to apply to (default: the context's, else "default")
      --json            Print the manifests and findings as JSON
`;

export const exportCommand: CliCommand = {
  name: 'export',
  usage: USAGE,
  async run(args, context) {
    try {
      const { flags: loadFlags, rest } = parseComposeFlags(args);
      const options = parseOptions(rest, {
        booleans: { '--apply': 'apply', '--dry-run': 'dryRun', '--json': 'json' },
        values: { '-o': 'output', '--output': 'output', '-n': 'namespace', '--namespace': 'namespace' },
      });
      const [target, ...extra] = options.positionals;
      if (target !== 'kubernetes' || extra.length)
        throw new UsageError(target ? `unknown export target "${target}" (kubernetes)` : 'name the target: kubernetes');
      if (flag(options, 'dryRun') && !flag(options, 'apply')) throw new UsageError('--dry-run goes with --apply');

      const project = await loadCliProject(context, loadFlags);
      const exported = exportToKubernetes(project);
      await validateManifests(exported.manifests);
      const output = options.flags.output as string | undefined;
      const files = output ? writeManifests(resolve(context.cwd, output), exported.manifests) : undefined;
      const applied = flag(options, 'apply')
        ? await applyManifests(exported.manifests, {
            namespace: options.flags.namespace as string | undefined,
            dryRun: flag(options, 'dryRun'),
            env: context.env,
          })
        : undefined;

      if (flag(options, 'json')) {
        context.stdout.write(`${JSON.stringify({ ...exported, files, apply: applied }, null, 2)}\n`);
        return EXIT_CODES.ok;
      }
      for (const finding of exported.findings) context.stderr.write(`${describeFinding(finding)}\n`);
      if (files) context.stdout.write(`Wrote ${files.length} manifests to ${resolve(context.cwd, output!)}\n`);
      else if (!applied) context.stdout.write(manifestsYaml(exported.manifests));
      if (applied) {
        context.stdout.write(
          `${applied.applied ? 'Applied to' : 'Dry run against'} ${applied.server} (context "${applied.context}", namespace ${applied.namespace}):\n`,
        );
        for (const change of applied.changes)
          context.stdout.write(
            `  ${change.action.padEnd(9)} ${change.kind}/${change.name}${change.changedFields.length ? ` (${change.changedFields.join(', ')})` : ''}\n`,
          );
      }
      return EXIT_CODES.ok;
    } catch (error) {
      if (error instanceof UsageError || error instanceof ComposeFlagError) {
        context.stderr.write(`berth export: ${error.message}\n\n${USAGE}`);
        return EXIT_CODES.usage;
      }
      context.stderr.write(formatCliError(describeCliError(error, null), 'berth export: '));
      return exitCodeFor(error);
    }
  },
};

function describeFinding(finding: ExportFinding): string {
  const where = finding.service ? `service "${finding.service}"` : 'project';
  return `${finding.level === 'unmapped' ? 'NOT MAPPED' : 'NOTE'} ${where}: ${finding.property}: ${finding.message}`;
}
