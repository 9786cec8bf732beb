import { describe, expect, it } from 'vitest';
import { appHandlers } from '../../../src/main/handlers/app';
import { HEADLESS_DESKTOP, type Desktop } from '../../../src/main/handlers/desktop';

function recordingDesktop(): Desktop & { opened: string[] } {
  const opened: string[] = [];
  return { ...HEADLESS_DESKTOP, opened, openExternal: async (url) => void opened.push(url) };
}

describe('app.openExternal', () => {
  it('opens the parsed, normalized URL it checked, never the string as given', async () => {
    const desktop = recordingDesktop();
    const open = appHandlers(desktop).operations['app.openExternal'];
    expect(await open({ url: 'HTTP://LOCALHOST:8888/lab?token=abc' })).toEqual({ opened: true });
    expect(await open({ url: 'https://docs.docker.com/engine/install/' })).toEqual({ opened: true });
    expect(desktop.opened).toEqual(['http://localhost:8888/lab?token=abc', 'https://docs.docker.com/engine/install/']);
  });

  it('refuses what the allowlist does not name, and opens nothing', async () => {
    const desktop = recordingDesktop();
    const open = appHandlers(desktop).operations['app.openExternal'];
    for (const url of [
      'file:///etc/passwd',
      'https://evil.example/',
      'http://user:pw@localhost/',
      'javascript:alert(1)',
    ]) {
      expect(await open({ url })).toEqual({ opened: false });
    }
    expect(desktop.opened).toEqual([]);
  });
});
