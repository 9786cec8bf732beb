import { describe, expect, it } from 'vitest';
import { SecretRedactor } from '../../../src/main/services/build/secret-redactor';

describe('secret redactor', () => {
  it('masks every value it was given, whole values and each line of multi-line ones', () => {
    const redactor = new SecretRedactor();
    redactor.add('hf_abcdefgh');
    redactor.add(Buffer.from('-----BEGIN KEY-----\nAAAAsecretline\n-----END KEY-----\n'));
    expect(redactor.redact('token=hf_abcdefgh and again hf_abcdefgh')).toBe('token=**** and again ****');
    expect(redactor.redact('printing AAAAsecretline')).toBe('printing ****');
  });

  it('leaves short values alone so ordinary words survive', () => {
    const redactor = new SecretRedactor();
    redactor.add('1');
    redactor.add('ab');
    expect(redactor.redact('1 ab')).toBe('1 ab');
  });
});
