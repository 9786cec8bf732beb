import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

/** Path of the Electron binary if the `electron` package downloaded it (it can't where installs skip the download). */
function electronBinary(): string | null {
  const packageDir = path.resolve(__dirname, '../../node_modules/electron');
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const SKIP_REASON =
  'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1); the Electron e2e runs where Electron is installed.';

test.describe('Electron app', () => {
  test.skip(binary === null, SKIP_REASON);

  test('opens the sandboxed window, exposes only window.berth and shows the engine', async () => {
    const app = await electron.launch({
      executablePath: binary!,
      args: [path.resolve(__dirname, '../../out/main/index.js')],
      env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
    });
    try {
      const window = await app.firstWindow();
      await expect(window.getByRole('navigation', { name: 'Main' })).toBeVisible();
      const exposed = await window.evaluate(() => ({
        berth: typeof (window as unknown as { berth?: unknown }).berth,
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
      }));
      expect(exposed).toEqual({ berth: 'object', require: 'undefined', process: 'undefined' });
      await expect(window.getByTestId('status-bar')).toHaveAttribute('data-status', /connected|unreachable/);
      const url = window.url();
      expect(url.startsWith('app://berth/')).toBe(true);
    } finally {
      await app.close();
    }
  });
});
