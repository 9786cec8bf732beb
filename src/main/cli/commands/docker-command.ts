/**
 * What the engine-wide commands (`df`, `images`, `prune`) share: their options parsed docker-style (exit 2 on a
 * usage error), the engine the docker CLI would use, and failures printed once with the engine diagnosis and a fix.
 */
import type Docker from 'dockerode';
import type { Endpoint } from '@shared/schemas/engine';
import { cliEngine } from '../cli-engine';
import { describeCliError, formatCliError } from '../cli-errors';
import type { CliCommand, CliContext } from '../command';
import { parseOptions, UsageError, type OptionSpec, type ParsedOptions } from './compose-command';

export interface DockerCommandSpec {
  name: string;
  usage: string;
  options: OptionSpec;
  /** Checks operands before the engine is contacted; throw UsageError for a usage mistake. */
  validate?(options: ParsedOptions): void;
  execute(docker: Docker, options: ParsedOptions, context: CliContext): Promise<number>;
}

export function dockerCommand(spec: DockerCommandSpec): CliCommand {
  return {
    name: spec.name,
    usage: spec.usage,
    async run(args, context) {
      let options: ParsedOptions;
      try {
        options = parseOptions(args, spec.options);
        spec.validate?.(options);
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        context.stderr.write(`berth ${spec.name}: ${error.message}\n\n${spec.usage}`);
        return 2;
      }
      let endpoint: Endpoint | null = null;
      try {
        const engine = cliEngine(context);
        endpoint = engine.endpoint;
        return await spec.execute(engine.docker, options, context);
      } catch (error) {
        context.stderr.write(formatCliError(describeCliError(error, endpoint), `berth ${spec.name}: `));
        return 1;
      }
    },
  };
}
