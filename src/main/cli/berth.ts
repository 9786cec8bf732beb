// First, for its side effect: dockerode's BuildKit helper loads on demand (see the module).
import './defer-dockerode-helpers';
import { runCli } from './run-cli';

// Plain Node entry of the `berth` command: never imports electron.
runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  isTty: Boolean(process.stdout.isTTY),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`berth: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 70;
  },
);
