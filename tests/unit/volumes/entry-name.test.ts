import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bytesOfName, helperArg, nameFromBytes } from '../../../src/main/services/volumes/entry-name';

const bytes = (...values: number[]) => Buffer.from(values);

describe('entry names are bytes', () => {
  it('decodes valid UTF-8 as text and each invalid byte as U+DC80..U+DCFF', () => {
    expect(nameFromBytes(Buffer.from('ünï 名前 😀'))).toBe('ünï 名前 😀');
    expect(nameFromBytes(bytes(0x61, 0xff, 0x62))).toBe('a\udcffb');
    // Overlong "/", an encoded surrogate, past U+10FFFF, a truncated sequence: each byte escaped on its own.
    expect(nameFromBytes(bytes(0xc0, 0xaf))).toBe('\udcc0\udcaf');
    expect(nameFromBytes(bytes(0xed, 0xa0, 0x80))).toBe('\udced\udca0\udc80');
    expect(nameFromBytes(bytes(0xf4, 0x90, 0x80, 0x80))).toBe('\udcf4\udc90\udc80\udc80');
    expect(nameFromBytes(bytes(0xe2, 0x82))).toBe('\udce2\udc82');
  });

  it('round-trips any bytes, and JSON keeps the escapes', () => {
    for (let round = 0; round < 2000; round += 1) {
      const original = randomBytes(1 + (round % 40));
      const name = nameFromBytes(original);
      expect(bytesOfName(name)).toEqual(original);
      expect(bytesOfName(JSON.parse(JSON.stringify(name)) as string)).toEqual(original);
    }
  });

  it('keeps characters beyond the BMP whose low half looks like an escape', () => {
    const char = String.fromCodePoint(0x10080); // D800 DC80
    expect(bytesOfName(char)).toEqual(Buffer.from(char, 'utf8'));
    expect(nameFromBytes(Buffer.from(char, 'utf8'))).toBe(char);
  });

  it('refuses strings that stand for no bytes', () => {
    expect(bytesOfName('a\ud800')).toBeNull();
    expect(bytesOfName('\udc00')).toBeNull();
    expect(bytesOfName('\udc7f')).toBeNull();
  });

  it('spells names as plain-ASCII printf formats that a real shell prints back byte for byte', () => {
    const names = [
      Buffer.from('important\n'),
      Buffer.from('-rf'),
      Buffer.from('$(touch pwned) `id` "q" \'s\' %s %% \\n \\'),
      bytes(0xff, 0xfe, 0x0a, 0x0a),
      Buffer.from('x'.repeat(255)),
      randomBytes(64).map((byte) => (byte === 0 || byte === 0x2f ? 0x41 : byte)),
    ];
    for (const name of names) {
      const arg = helperArg(name);
      expect(arg).toMatch(/^[\x20-\x7e]*$/);
      const printed = execFileSync('/bin/sh', ['-c', 'v=$(printf "$1."); printf "%s" "${v%.}"', 'sh', arg]);
      expect(printed).toEqual(name);
    }
  });
});
