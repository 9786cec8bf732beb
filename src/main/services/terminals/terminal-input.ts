import { TerminalResizeSchema, type TerminalResize } from '@shared/schemas/terminal';

export type TerminalInput = { kind: 'bytes'; bytes: Uint8Array } | ({ kind: 'resize' } & Omit<TerminalResize, 'type'>);

const encoder = new TextEncoder();

/** What the consumer sent: keystrokes (bytes or text) or a resize; anything else is ignored. */
export function parseTerminalInput(data: unknown): TerminalInput | null {
  if (data instanceof Uint8Array) return { kind: 'bytes', bytes: data };
  if (data instanceof ArrayBuffer) return { kind: 'bytes', bytes: new Uint8Array(data) };
  if (typeof data === 'string') return { kind: 'bytes', bytes: encoder.encode(data) };
  const resize = TerminalResizeSchema.safeParse(data);
  return resize.success ? { kind: 'resize', cols: resize.data.cols, rows: resize.data.rows } : null;
}

/**
 * A plain `Uint8Array` holding exactly the chunk's bytes: Node hands out Buffers that are views into larger
 * pooled memory, and a structured clone would otherwise carry the whole pool across the port.
 */
export function exactBytes(chunk: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(chunk);
}
