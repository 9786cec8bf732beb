import { describe, expect, it } from 'vitest';
import { allowedExternalUrl, isAllowedExternalUrl } from '../../../src/main/security/external-urls';

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

  it("opens a remote engine's published port only on the host main found it published on", () => {
    expect(allowedExternalUrl('http://10.0.0.7:8888/lab', { publishedOn: '10.0.0.7' })).toBe(
      'http://10.0.0.7:8888/lab',
    );
    expect(allowedExternalUrl('http://gpu-box:5000/', { publishedOn: 'gpu-box' })).toBe('http://gpu-box:5000/');
    expect(allowedExternalUrl('http://10.0.0.7:8888/')).toBeNull();
    expect(allowedExternalUrl('http://10.0.0.8:8888/', { publishedOn: '10.0.0.7' })).toBeNull();
    expect(allowedExternalUrl('file://10.0.0.7/etc/passwd', { publishedOn: '10.0.0.7' })).toBeNull();
    expect(allowedExternalUrl('http://ada:pw@10.0.0.7:8888/', { publishedOn: '10.0.0.7' })).toBeNull();
  });
});
