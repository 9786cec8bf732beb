import { execFileSync } from 'node:child_process';
import { Writable } from 'node:stream';
import { configCommand } from './src/main/cli/commands/config';
import { canonicalJson } from './tests/support/compose-corpus';
const [dir, ...args] = process.argv.slice(2);
const extraEnv = Object.fromEntries((process.env.XENV ?? '').split(' ').filter(Boolean).map(s => s.split('=')));
const env = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: process.env.HOME!, PWD: dir!, ...extraEnv };
let real: string; let realOk = true;
try { real = execFileSync('docker', ['compose', ...args, 'config', '--format', 'json'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] }).toString(); }
catch (e: any) { realOk = false; real = e.stderr.toString() + e.stdout.toString(); }
let out = '', err = '';
const w = (f: (s: string) => void) => new Writable({ write(c, _e, cb) { f(c.toString()); cb(); } });
const code = await configCommand.run([...args], { cwd: dir!, env, stdout: w(s => out += s), stderr: w(s => err += s), isTty: false });
if (!realOk || code !== 0) { console.log('REAL:', realOk ? 'ok' : real.trim().split('\n').filter(l=>!l.includes('level=warn')).join('\n'), '\nBERTH:', code === 0 ? 'ok' : err.split('\n').filter(l=>!l.startsWith('WARN')).join('\n')); process.exit(0); }
const a = JSON.parse(canonicalJson(JSON.parse(out))), b = JSON.parse(canonicalJson(JSON.parse(real)));
function diff(a: any, b: any, p: string): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return [`${p}: berth ${JSON.stringify(a)} real ${JSON.stringify(b)}`];
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].flatMap(k => diff(a[k], b[k], `${p}.${k}`));
}
const d = diff(a, b, '');
console.log(d.length === 0 ? 'IDENTICAL' : d.join('\n'));
