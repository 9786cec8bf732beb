/**
 * Parser for `.env` / `--env-file` / `env_file:` files with Compose's syntax (compose-go dotenv, v2.4.8):
 * `export` prefix, `KEY=value` or `KEY: value`, unquoted values cut at ` #` and trimmed,
 * double quotes with escapes spanning lines, single quotes taken literally, bare keys inherited
 * from the lookup, and `${VAR}` substitution in unquoted and double-quoted values.
 */
import { substitute, type SubstitutionOptions, type VariableLookup } from '../interpolation/template';
import { emptyMap } from '../util/plain-data';

export class DotenvSyntaxError extends Error {
  constructor(
    readonly line: number,
    detail: string,
  ) {
    super(`line ${line}: ${detail}`);
  }
}

const EXPORT_PREFIX = /^export\s+/;
const ESCAPE_SEQUENCE = /\\(?:[abcfnrtv$"\\]|0\d{0,3})/g;
const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  c: '\\c',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '"': '"',
  '\\': '\\',
};

/** Space as compose-go's dotenv sees it: newlines are not space, they end statements. */
function isInlineSpace(char: string): boolean {
  return (
    char === ' ' ||
    char === '\t' ||
    char === '\v' ||
    char === '\f' ||
    char === '\r' ||
    char === '\x85' ||
    char === '\xa0'
  );
}

function isKeyCharacter(char: string): boolean {
  return /[\p{L}\p{N}_.\-[\]]/u.test(char);
}

/**
 * Parses `source`. Variables resolve first against `lookup` (the caller's environment), then against keys
 * already read from this file.
 * Inherited keys (a bare `KEY` line) are only set when `lookup` knows them.
 */
export function parseDotenv(
  source: string,
  lookup: VariableLookup = () => undefined,
  options: SubstitutionOptions = {},
): Record<string, string> {
  const out = emptyMap<string>();
  const resolve: VariableLookup = (name) => lookup(name) ?? (Object.hasOwn(out, name) ? out[name] : undefined);
  let rest = source.startsWith('\uFEFF') ? source.slice(1) : source;
  let line = 1;

  const skipToStatement = (): void => {
    for (;;) {
      const start = rest.search(/[^\s]/u);
      if (start === -1) {
        rest = '';
        return;
      }
      line += countNewlines(rest.slice(0, start));
      rest = rest.slice(start);
      if (rest[0] !== '#') return;
      const newline = rest.indexOf('\n');
      if (newline === -1) {
        rest = '';
        return;
      }
      rest = rest.slice(newline);
    }
  };

  for (;;) {
    skipToStatement();
    if (rest === '') break;
    if (EXPORT_PREFIX.test(rest)) rest = rest.slice('export'.length).replace(/^[ \t\v\f\r\x85\xa0]+/, '');

    let keyEnd = -1;
    let terminator = '';
    for (let i = 0; i < rest.length; i++) {
      const char = rest[i]!;
      if (isInlineSpace(char)) continue;
      if (char === '=' || char === ':' || char === '\n') {
        keyEnd = i;
        terminator = char;
        break;
      }
      if (!isKeyCharacter(char)) {
        const firstLine = rest.split('\n')[0];
        throw new DotenvSyntaxError(
          line,
          `unexpected character ${JSON.stringify(char)} in variable name ${JSON.stringify(firstLine)}`,
        );
      }
    }
    const inherited = keyEnd === -1 || terminator === '\n';
    const key = (keyEnd === -1 ? rest : rest.slice(0, keyEnd)).replace(/\s+$/u, '');
    if (key.includes(' ')) throw new DotenvSyntaxError(line, 'key cannot contain a space');
    rest = keyEnd === -1 ? '' : rest.slice(keyEnd + 1);

    if (inherited) {
      const value = lookup(key);
      if (value !== undefined) out[key] = value;
      if (terminator === '\n') line++;
      continue;
    }

    rest = rest.replace(/^[ \t\v\f\r\x85\xa0]+/, '');
    const quote = rest[0];
    if (quote === '"' || quote === "'") {
      const { raw, consumed, newlines } = readQuoted(rest, quote, line);
      line += newlines;
      out[key] = quote === '"' ? substitute(expandEscapes(raw), resolve, options) : raw;
      rest = rest.slice(consumed);
      continue;
    }
    const newline = rest.indexOf('\n');
    let value = newline === -1 ? rest : rest.slice(0, newline);
    rest = newline === -1 ? '' : rest.slice(newline + 1);
    line++;
    const comment = value.indexOf(' #');
    if (comment !== -1) value = value.slice(0, comment);
    out[key] = substitute(value.replace(/\s+$/u, ''), resolve, options);
  }
  return out;
}

/** Reads a quoted value starting at `text[0]`; a backslash keeps itself except before the quote. */
function readQuoted(text: string, quote: string, line: number): { raw: string; consumed: number; newlines: number } {
  let raw = '';
  let escaping = false;
  let newlines = 0;
  for (let i = 1; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\n') newlines++;
    if (char !== quote) {
      if (!escaping && char === '\\') {
        escaping = true;
        continue;
      }
      if (escaping) {
        escaping = false;
        raw += '\\';
      }
      raw += char;
      continue;
    }
    if (escaping) {
      escaping = false;
      raw += char;
      continue;
    }
    return { raw, consumed: i + 1, newlines };
  }
  const firstLine = text.split('\n')[0];
  throw new DotenvSyntaxError(line + newlines, `unterminated quoted value ${firstLine}`);
}

function expandEscapes(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, (match) => {
    if (match === '\\$') return '$$';
    const letter = match[1]!;
    if (letter === '0') return octalEscape(match.slice(2));
    return SIMPLE_ESCAPES[letter] ?? match;
  });
}

/** compose-go turns `\0ddd` into `\ddd` and only decodes it when exactly three octal digits follow. */
function octalEscape(digits: string): string {
  if (/^[0-7]{3}$/.test(digits) && parseInt(digits, 8) <= 255) return String.fromCharCode(parseInt(digits, 8));
  return '\\' + digits;
}

function countNewlines(text: string): number {
  let count = 0;
  for (const char of text) if (char === '\n') count++;
  return count;
}
