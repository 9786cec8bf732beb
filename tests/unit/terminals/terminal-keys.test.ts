import { describe, expect, it } from 'vitest';
import { terminalKeyAction } from '../../../src/renderer/src/features/terminals/terminal-keys';

const key = (init: Partial<KeyboardEvent>) =>
  ({ ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...init }) as KeyboardEvent;

describe('terminalKeyAction', () => {
  it('leaves Ctrl+C and Ctrl+V to the shell; Shift (or Cmd) makes them copy and paste', () => {
    expect(terminalKeyAction(key({ ctrlKey: true, key: 'c' }))).toBeNull();
    expect(terminalKeyAction(key({ ctrlKey: true, key: 'v' }))).toBeNull();
    expect(terminalKeyAction(key({ ctrlKey: true, shiftKey: true, key: 'C' }))).toBe('copy');
    expect(terminalKeyAction(key({ ctrlKey: true, shiftKey: true, key: 'V' }))).toBe('paste');
    expect(terminalKeyAction(key({ metaKey: true, key: 'c' }))).toBe('copy');
  });

  it('maps find and zoom, and nothing without a modifier', () => {
    expect(terminalKeyAction(key({ ctrlKey: true, shiftKey: true, key: 'F' }))).toBe('find');
    expect(terminalKeyAction(key({ ctrlKey: true, key: '=' }))).toBe('zoom-in');
    expect(terminalKeyAction(key({ ctrlKey: true, key: '-' }))).toBe('zoom-out');
    expect(terminalKeyAction(key({ ctrlKey: true, key: '0' }))).toBe('zoom-reset');
    expect(terminalKeyAction(key({ key: 'a' }))).toBeNull();
    expect(terminalKeyAction(key({ ctrlKey: true, altKey: true, key: '=' }))).toBeNull();
  });
});
