import { execFileSync } from 'node:child_process';

/** This user's login shell as the system's own passwd lookup (`getent passwd`) reports it. */
export function passwdShell(): string {
  return execFileSync('getent', ['passwd', String(process.getuid?.())], { encoding: 'utf8' })
    .trim()
    .split(':')[6]!;
}
