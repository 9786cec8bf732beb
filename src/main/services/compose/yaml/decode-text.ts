/**
 * Bytes of a Compose file → text, as yaml.v3 reads them: UTF-8 (a BOM is skipped), or UTF-16 when a BOM says so;
 * bytes that are not valid UTF-8 are an error in yaml.v3's words, never silently replaced.
 */
import { composeFileError } from '../errors/compose-errors';

const UTF16_LE_BOM = [0xff, 0xfe];
const UTF16_BE_BOM = [0xfe, 0xff];
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Characters YAML allows in a stream (yaml.v3's is_printable): no C0/C1 controls but tab, LF, CR and NEL. */
const NOT_PRINTABLE = /[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\u{10000}-\u{10ffff}]/u;

export function decodeComposeText(bytes: Uint8Array, file: string): string {
  const text = decode(bytes, file);
  if (NOT_PRINTABLE.test(text)) throw composeFileError(`yaml: control characters are not allowed`, { file });
  return text;
}

function decode(bytes: Uint8Array, file: string): string {
  if (startsWith(bytes, UTF16_LE_BOM)) return decodeUtf16(bytes, 'utf-16le', file);
  if (startsWith(bytes, UTF16_BE_BOM)) return decodeUtf16(bytes, 'utf-16be', file);
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw composeFileError(`yaml: ${utf8Problem(bytes)}`, { file });
  }
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', file: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw composeFileError(`yaml: invalid Unicode character`, { file });
  }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** The first problem yaml.v3's reader reports for bytes that are not UTF-8. */
function utf8Problem(bytes: Uint8Array): string {
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i]!;
    const width =
      lead < 0x80 ? 1 : (lead & 0xe0) === 0xc0 ? 2 : (lead & 0xf0) === 0xe0 ? 3 : (lead & 0xf8) === 0xf0 ? 4 : 0;
    if (width === 0) return 'invalid leading UTF-8 octet';
    if (i + width > bytes.length) return 'incomplete UTF-8 octet sequence';
    for (let k = 1; k < width; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return 'invalid trailing UTF-8 octet';
    i += width;
  }
  return 'invalid Unicode character';
}
