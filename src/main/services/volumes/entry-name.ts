/**
 * File names on Linux are bytes (anything but "/" and NUL), not text. Berth carries them as strings the way Python's
 * `surrogateescape` does: valid UTF-8 decodes as usual, and each byte that is not part of valid UTF-8 becomes the lone
 * surrogate U+DC80..U+DCFF. The mapping is one-to-one, so a name read from a volume can be sent back (through IPC,
 * JSON included: lone surrogates survive as \udcXX escapes) and reach exactly the same file.
 */

const ESCAPE_BASE = 0xdc00;

/** The string for a name's bytes; invalid UTF-8 bytes become U+DC80..U+DCFF. */
export function nameFromBytes(bytes: Uint8Array): string {
  let text = '';
  let index = 0;
  while (index < bytes.length) {
    const length = validSequenceLength(bytes, index);
    if (length === 0) {
      text += String.fromCharCode(ESCAPE_BASE + bytes[index]!);
      index += 1;
    } else {
      text += Buffer.from(bytes.subarray(index, index + length)).toString('utf8');
      index += length;
    }
  }
  return text;
}

/** The bytes a name stands for; null when it holds a lone surrogate that no byte maps to. */
export function bytesOfName(name: string): Buffer | null {
  const parts: Buffer[] = [];
  let plainStart = 0;
  for (let index = 0; index < name.length; index += 1) {
    const unit = name.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = name.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        index += 1; // a surrogate pair: an ordinary character beyond the BMP
        continue;
      }
      return null;
    }
    if (unit < 0xdc00 || unit > 0xdfff) continue;
    if (unit < ESCAPE_BASE + 0x80 || unit > ESCAPE_BASE + 0xff) return null;
    parts.push(Buffer.from(name.slice(plainStart, index), 'utf8'), Buffer.from([unit - ESCAPE_BASE]));
    plainStart = index + 1;
  }
  if (parts.length === 0) return Buffer.from(name, 'utf8');
  parts.push(Buffer.from(name.slice(plainStart), 'utf8'));
  return Buffer.concat(parts);
}

/** How many bytes of well-formed UTF-8 start at `index` (no overlongs, no surrogates, nothing past U+10FFFF); 0 if none. */
function validSequenceLength(bytes: Uint8Array, index: number): number {
  const first = bytes[index]!;
  if (first < 0x80) return 1;
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (first >= 0xc2 && first <= 0xdf) length = 2;
  else if (first >= 0xe0 && first <= 0xef) {
    length = 3;
    if (first === 0xe0) low = 0xa0;
    if (first === 0xed) high = 0x9f;
  } else if (first >= 0xf0 && first <= 0xf4) {
    length = 4;
    if (first === 0xf0) low = 0x90;
    if (first === 0xf4) high = 0x8f;
  } else return 0;
  if (index + length > bytes.length) return 0;
  const second = bytes[index + 1]!;
  if (second < low || second > high) return 0;
  for (let offset = 2; offset < length; offset += 1) {
    const byte = bytes[index + offset]!;
    if (byte < 0x80 || byte > 0xbf) return 0;
  }
  return length;
}

/** Escapes in a printf format: any byte but these is spelled as \\ooo. */
const LITERAL_BYTE = /[A-Za-z0-9_.]/;

/** A name's bytes as a printf format that prints exactly them (plain ASCII, so it survives the exec API's JSON). */
export function helperArg(bytes: Uint8Array): string {
  let arg = '';
  for (const byte of bytes) {
    const char = String.fromCharCode(byte);
    arg += LITERAL_BYTE.test(char) ? char : `\\${byte.toString(8).padStart(3, '0')}`;
  }
  return arg;
}
