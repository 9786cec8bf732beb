import type { LogLine, LogMarker, LogSource } from '@shared/schemas/logs';

/** Prefix colors, cycling per container as `docker compose logs` does (ANSI 36, 33, 32, 35, 34 and bright ones). */
const PREFIX_COLORS = [36, 33, 32, 35, 34, 96, 93, 92, 95, 94];

export interface LogPrinterOptions {
  prefix: boolean;
  timestamps: boolean;
  color: boolean;
}

/** Formats batches of lines for a terminal or a pipe: `web-1  | <time> <text>`. */
export class LogPrinter {
  private prefixes: string[] = [];

  constructor(private readonly options: LogPrinterOptions) {}

  setSources(sources: readonly LogSource[]): void {
    const names = sources.map(shortName);
    const width = Math.max(0, ...names.map((name) => name.length));
    this.prefixes = names.map((name, index) => {
      const padded = `${name.padEnd(width)}  | `;
      if (!this.options.color) return padded;
      return `\u001b[${PREFIX_COLORS[index % PREFIX_COLORS.length]}m${padded}\u001b[0m`;
    });
  }

  /** A run marker as a rule in the container's column: `web-1  | ── exited 137 · OOM-killed · 15:03:12 ──`. */
  formatMarker(marker: LogMarker): string {
    const prefix = this.options.prefix ? (this.prefixes[marker.source] ?? '') : '';
    const time = this.options.timestamps ? `${marker.time} ` : '';
    const rule = `── ${marker.text} ──`;
    return `${prefix}${time}${this.options.color ? `\u001b[1m${rule}\u001b[0m` : rule}\n`;
  }

  format(lines: readonly LogLine[]): string {
    const { prefix, timestamps } = this.options;
    let out = '';
    for (const line of lines) {
      if (prefix) out += this.prefixes[line.source] ?? '';
      if (timestamps) out += `${line.time} `;
      out += `${line.text}\n`;
    }
    return out;
  }
}

/** `web-1` for compose containers (the name without the project), as Compose prints them; else the name. */
function shortName(source: LogSource): string {
  if (source.project && source.name.startsWith(`${source.project}-`))
    return source.name.slice(source.project.length + 1);
  if (source.project && source.name.startsWith(`${source.project}_`))
    return source.name.slice(source.project.length + 1);
  return source.name;
}
