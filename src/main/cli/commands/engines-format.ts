import type { KnownEngine } from '../../services/remote/known-engines';
import type { EngineTestResult } from '../../services/remote/test-engine';

const ORIGIN_LABELS: Record<KnownEngine['origin'], string> = {
  'docker-context': 'docker context',
  environment: 'environment',
  socket: 'local socket',
  berth: 'berth',
};

/** `docker context ls`-like table; the engine in use has a `*` after its name. */
export function formatEngineTable(engines: KnownEngine[]): string {
  const rows = [
    ['NAME', 'KIND', 'ENDPOINT', 'SOURCE', 'DESCRIPTION'],
    ...engines.map((engine) => [
      `${engine.name}${engine.current ? ' *' : ''}`,
      engine.kind,
      engine.address,
      ORIGIN_LABELS[engine.origin],
      engine.detail,
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return (
    rows
      .map((row) =>
        row
          .map((cell, column) => cell.padEnd(widths[column]!))
          .join('   ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

/** What a connection test found, as lines for a person. */
export function formatTestResult(result: EngineTestResult): string {
  const where = `${result.endpoint.address}${result.endpoint.context ? ` ("${result.endpoint.context}")` : ''}`;
  const seconds = (result.elapsedMs / 1000).toFixed(1);
  if (!result.ok)
    return [`Cannot use ${where} (after ${seconds} s).`, `Reason: ${result.reason}`, `Fix: ${result.fix}`, ''].join(
      '\n',
    );
  const info = result.info;
  return [
    `${where} works (${seconds} s): ${info.name || '(unnamed)'}, ${info.flavor} ${info.serverVersion} (API ${info.apiVersion}), ` +
      `${info.os}, ${info.cpus} CPUs, runtimes ${info.runtimes.join(', ')}.`,
    ...result.notes.map((note) => `Note: ${note}`),
    '',
  ].join('\n');
}
