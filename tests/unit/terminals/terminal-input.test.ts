import { describe, expect, it } from 'vitest';
import { parseTerminalInput } from '../../../src/main/services/terminals/terminal-input';
import { TerminalMessageSchema, TerminalOpenInputSchema } from '@shared/schemas/terminal';

describe('terminal input and contract', () => {
  it('takes keystrokes as bytes or text and resizes as messages; ignores the rest', () => {
    expect(parseTerminalInput(new Uint8Array([1, 2]))).toEqual({ kind: 'bytes', bytes: new Uint8Array([1, 2]) });
    expect(parseTerminalInput('é')).toEqual({ kind: 'bytes', bytes: new Uint8Array([0xc3, 0xa9]) });
    expect(parseTerminalInput({ type: 'resize', cols: 80, rows: 24 })).toEqual({ kind: 'resize', cols: 80, rows: 24 });
    expect(parseTerminalInput({ type: 'resize', cols: 0, rows: 24 })).toBeNull();
    expect(parseTerminalInput({ type: 'resize', cols: 80, rows: 24, extra: 1 })).toBeNull();
    expect(parseTerminalInput(42)).toBeNull();
  });

  it('validates what a renderer may ask for', () => {
    const container = { target: 'container', containerId: 'abc', cols: 80, rows: 24 };
    expect(TerminalOpenInputSchema.safeParse(container).success).toBe(true);
    expect(TerminalOpenInputSchema.safeParse({ ...container, env: ['A=1'] }).success).toBe(true);
    expect(TerminalOpenInputSchema.safeParse({ ...container, env: ['no-equals'] }).success).toBe(false);
    expect(TerminalOpenInputSchema.safeParse({ ...container, privileged: true }).success).toBe(false);
    expect(TerminalOpenInputSchema.safeParse({ target: 'host', cols: 80, rows: 24 }).success).toBe(true);
    expect(TerminalOpenInputSchema.safeParse({ target: 'elsewhere', cols: 80, rows: 24 }).success).toBe(false);
    expect(TerminalOpenInputSchema.safeParse({ target: 'host', cwd: '/srv/project', cols: 80, rows: 24 }).success).toBe(
      true,
    );
    expect(TerminalOpenInputSchema.safeParse({ target: 'host', cwd: 'relative', cols: 80, rows: 24 }).success).toBe(
      false,
    );
    expect(TerminalMessageSchema.safeParse(new Uint8Array(3)).success).toBe(true);
    expect(TerminalMessageSchema.safeParse({ type: 'exit', exitCode: null }).success).toBe(true);
  });
});
