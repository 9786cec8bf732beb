import { bytesOfName } from '../../services/volumes/entry-name';

/**
 * Text that came from the engine or a volume (file names, link targets, labels, paths) made safe to print on a
 * terminal, as `ls -b` does: control characters (C0, DEL, C1), bidirectional overrides and backslash are shown as
 * escapes, so a name can't move the cursor, retitle the window or reorder what is shown; a byte that is not valid
 * UTF-8 (carried as U+DC80..U+DCFF, see entry-name.ts) is shown as \xNN.
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (char) => {
    const code = char.charCodeAt(0);
    const named = NAMED_ESCAPES[char];
    if (named) return named;
    if (code >= 0xdc80 && code <= 0xdcff) return `\\x${hex(code - 0xdc00, 2)}`;
    return code < 0x100 ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
  });
}

/** JSON for a terminal: already valid JSON, with the characters JSON leaves raw that a terminal acts on escaped. */
export function terminalSafeJson(json: string): string {
  return json.replace(RAW_IN_JSON, (char) => `\\u${hex(char.charCodeAt(0), 4)}`);
}

/**
 * Output for a pipe or a file: the exact bytes, names that are not valid UTF-8 included (their escapes turned back
 * into the bytes), so `berth volumes ls-files … | …` sees what is in the volume.
 */
export function exactBytes(text: string): Buffer {
  return bytesOfName(text) ?? Buffer.from(text, 'utf8');
}

const NAMED_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r' };

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\\\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\udc80-\udcff]/gu;
const RAW_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function hex(value: number, digits: number): string {
  return value.toString(16).padStart(digits, '0');
}
