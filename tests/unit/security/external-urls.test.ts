import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../../src/main/security/external-urls';

describe('isAllowedExternalUrl', () => {
  it.each([
    'http://localhost:8888/lab?token=abc',
    'http://127.0.0.1:5000',
    'https://localhost:3000/',
    'http://[::1]:9090/graph',
    'https://docs.docker.com/engine/install/',
    'https://docs.nvidia.com/datacenter/cloud-native/container-toolkit/',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'http://docs.docker.com/', // docs only over https
    'https://docs.docker.com.evil.example/',
    'https://evil.example/',
    'http://user:pass@localhost:8080/',
    'smb://localhost/share',
    'app://berth/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});
