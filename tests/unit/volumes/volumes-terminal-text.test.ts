import { describe, expect, it } from 'vitest';
import { formatEntries } from '../../../src/main/cli/commands/volumes-format';
import { exactBytes, terminalSafe, terminalSafeJson } from '../../../src/main/cli/commands/volumes-terminal-text';

describe('printing names on a terminal', () => {
  it('shows control characters, bidi overrides, backslashes and invalid bytes escaped', () => {
    expect(terminalSafe('red\x1b[31m\x07title\x1b]0;pwned\x07')).toBe('red\\x1b[31m\\x07title\\x1b]0;pwned\\x07');
    expect(terminalSafe('a\nb\tc\rd\\e')).toBe('a\\nb\\tc\\rd\\\\e');
    expect(terminalSafe('\u009b31m \u202eevil\u2066')).toBe('\\x9b31m \\u202eevil\\u2066');
    expect(terminalSafe('bad\udcff\udc80')).toBe('bad\\xff\\x80');
    expect(terminalSafe('ünï 名前 😀 \u{10080}')).toBe('ünï 名前 😀 \u{10080}');
  });

  it('keeps JSON valid while escaping what JSON leaves raw', () => {
    const json = terminalSafeJson(JSON.stringify({ name: 'x\u009b\u202e\x1b\udcff' }));
    expect([...json].some((char) => char.charCodeAt(0) < 0x20 || /[\u007f-\u009f\u202e]/.test(char))).toBe(false);
    expect(JSON.parse(json)).toEqual({ name: 'x\u009b\u202e\x1b\udcff' });
  });

  it('writes exact bytes when piped', () => {
    expect(exactBytes('f\udcff\n')).toEqual(Buffer.from([0x66, 0xff, 0x0a]));
  });

  it('escapes the names in an ls-files table, not the table itself', () => {
    const text = formatEntries(
      [{ name: 'evil\x1b[2J', type: 'symlink', size: 1, mtimeMs: 0, mode: 0o777, linkTarget: '\x1b]0;t\x07' }],
      terminalSafe,
    );
    expect(text).toBe('lrwxrwxrwx           1  1970-01-01 00:00:00  evil\\x1b[2J -> \\x1b]0;t\\x07\n');
  });
});
