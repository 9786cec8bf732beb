import type { Preview } from '@shared/schemas/volumes';

const IMAGE_SIGNATURES: Array<{ mime: string; bytes: number[]; offset?: number }> = [
  { mime: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mime: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { mime: 'image/gif', bytes: [0x47, 0x49, 0x46, 0x38] },
  { mime: 'image/webp', bytes: [0x57, 0x45, 0x42, 0x50], offset: 8 },
  { mime: 'image/bmp', bytes: [0x42, 0x4d] },
];

const IMAGE_EXTENSIONS = /\.(png|jpe?g|gif|webp|bmp)$/i;

/** Images are shown whole, so they may be bigger than a text preview. */
export const MAX_IMAGE_PREVIEW_BYTES = 4 * 1024 * 1024;

export function looksLikeImage(name: string): boolean {
  return IMAGE_EXTENSIONS.test(name);
}

function imageMime(bytes: Buffer): string | null {
  const match = IMAGE_SIGNATURES.find(({ bytes: signature, offset = 0 }) =>
    signature.every((byte, index) => bytes[offset + index] === byte),
  );
  return match?.mime ?? null;
}

function formatOf(name: string, text: string, truncated: boolean): 'plain' | 'json' | 'csv' | 'tsv' {
  if (/\.csv$/i.test(name)) return 'csv';
  if (/\.tsv$/i.test(name)) return 'tsv';
  if (!truncated && (/\.json$/i.test(name) || /^\s*[[{]/.test(text))) {
    try {
      JSON.parse(text);
      return 'json';
    } catch {
      return 'plain';
    }
  }
  return 'plain';
}

/** Decodes UTF-8, allowing a character cut in half at the end of a truncated read; null when it isn't UTF-8. */
function decodeUtf8(bytes: Buffer, truncated: boolean): string | null {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let cut = 0; cut <= (truncated ? 3 : 0) && cut < bytes.length + 1; cut += 1) {
    try {
      return decoder.decode(bytes.subarray(0, bytes.length - cut));
    } catch {
      // try again without the last byte(s)
    }
  }
  return null;
}

function mostlyControl(text: string): boolean {
  let control = 0;
  for (const char of text.slice(0, 4096)) {
    const code = char.charCodeAt(0);
    if (code < 32 && char !== '\n' && char !== '\r' && char !== '\t' && char !== '\f') control += 1;
  }
  return control > Math.min(text.length, 4096) * 0.1;
}

/**
 * Decides how to show the first bytes of a file: an image, text in the encoding it was written in (BOM, then
 * UTF-8, then Latin-1), JSON/CSV when it parses as such, or "binary" with the reason.
 */
export function previewContent(name: string, bytes: Buffer, size: number): Preview {
  const truncated = bytes.length < size;
  const mime = imageMime(bytes);
  if (mime) {
    if (truncated)
      return {
        kind: 'binary',
        size,
        reason: `The image is larger than the ${MAX_IMAGE_PREVIEW_BYTES / 1024 / 1024} MB preview limit.`,
      };
    return { kind: 'image', mime, base64: bytes.toString('base64'), size };
  }
  let encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'latin1';
  let text: string | null;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8';
    text = decodeUtf8(bytes.subarray(3), truncated) ?? new TextDecoder('utf-8').decode(bytes.subarray(3));
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2, bytes.length - (bytes.length % 2)));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2, bytes.length - (bytes.length % 2)));
  } else {
    if (bytes.includes(0)) return { kind: 'binary', size, reason: 'The file has NUL bytes: it is not text.' };
    text = decodeUtf8(bytes, truncated);
    encoding = text === null ? 'latin1' : 'utf-8';
    text ??= bytes.toString('latin1');
  }
  if (mostlyControl(text))
    return { kind: 'binary', size, reason: 'The file is mostly control characters: it is not text.' };
  return { kind: 'text', encoding, text, format: formatOf(name, text, truncated), truncated, size };
}
