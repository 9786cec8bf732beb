import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeOf, resolveAppFile } from '../../../src/main/security/app-path';

const root = path.resolve('/opt/berth/renderer');

describe('resolveAppFile', () => {
  it('serves index.html for the root and files below the root', () => {
    expect(resolveAppFile(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, '/assets/index-abc.js')).toBe(path.join(root, 'assets/index-abc.js'));
    expect(resolveAppFile(root, '/assets/a%20b.css')).toBe(path.join(root, 'assets/a b.css'));
  });

  it.each([
    '/../main/index.js',
    '/assets/../../secrets.txt',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%2fmain%2findex.js',
    '/assets/..%5c..%5cwin.ini',
    '/index.html%00.png',
    '/%E0%A4%A',
  ])('refuses %s', (urlPath) => {
    expect(resolveAppFile(root, urlPath)).toBeNull();
  });

  it('does not let a sibling directory with the same prefix through', () => {
    expect(resolveAppFile(root, '/../renderer-evil/x.js')).toBeNull();
  });

  it('knows the content types the renderer needs', () => {
    expect(contentTypeOf('a/index.html')).toMatch(/^text\/html/);
    expect(contentTypeOf('a/x.JS')).toMatch(/^text\/javascript/);
    expect(contentTypeOf('a/x.bin')).toBe('application/octet-stream');
  });
});
