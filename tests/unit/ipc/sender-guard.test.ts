import { describe, expect, it } from 'vitest';
import { isTrustedSender, originOf, type TrustPolicy } from '../../../src/main/ipc/core/sender-guard';

const policy: TrustPolicy = {
  trustedWebContentsIds: new Set([7]),
  trustedOrigins: new Set(['app://berth']),
};

describe('isTrustedSender', () => {
  it('accepts the main frame of a Berth window on the app origin', () => {
    expect(isTrustedSender({ webContentsId: 7, isMainFrame: true, url: 'app://berth/index.html' }, policy)).toBe(true);
  });

  it.each([
    ['another webContents', { webContentsId: 8, isMainFrame: true, url: 'app://berth/index.html' }],
    ['a subframe', { webContentsId: 7, isMainFrame: false, url: 'app://berth/index.html' }],
    ['a foreign origin', { webContentsId: 7, isMainFrame: true, url: 'https://evil.example/index.html' }],
    ['a look-alike host', { webContentsId: 7, isMainFrame: true, url: 'app://berth.evil/index.html' }],
    ['a file URL', { webContentsId: 7, isMainFrame: true, url: 'file:///etc/passwd' }],
    ['an empty URL', { webContentsId: 7, isMainFrame: true, url: '' }],
  ])('rejects %s', (_label, sender) => {
    expect(isTrustedSender(sender, policy)).toBe(false);
  });

  it('derives comparable origins for custom schemes and dev servers', () => {
    expect(originOf('app://berth/a/b.html?x#y')).toBe('app://berth');
    expect(originOf('http://localhost:5173/')).toBe('http://localhost:5173');
    expect(originOf('not a url')).toBe('invalid');
  });
});
