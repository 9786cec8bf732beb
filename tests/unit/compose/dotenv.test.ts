import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DotenvSyntaxError, parseDotenv } from '../../../src/main/services/compose/env/dotenv';
import {
  InvalidTemplateError,
  MissingRequiredVariableError,
} from '../../../src/main/services/compose/interpolation/template';

const shell: Record<string, string> = { FROM_SHELL: 'shell', INHERITED: 'inherited' };
const lookup = (name: string) => (Object.hasOwn(shell, name) ? shell[name] : undefined);

describe('parseDotenv', () => {
  it('reads the syntax Compose accepts', () => {
    const source = [
      '# comment line',
      'export EXPORTED=exp-value',
      'UNQUOTED=plain value # inline comment',
      'HASHNOSPACE=abc#def',
      'DQ="double \\"quoted\\" \\n newline ${UNQUOTED}"',
      "SQ='single ${UNQUOTED} \\n literal'",
      'MULTI="line1',
      'line2"',
      'YAMLSTYLE: colon-style',
      'EMPTY=',
      'REF=${FROM_SHELL}-ref',
      'DOLLAR=\\$notvar',
      'INHERITED',
      'NOT_IN_SHELL',
      'SPACED = spaced-around-equals',
      '   INDENTED=yes   ',
    ].join('\n');
    expect(parseDotenv(source, lookup)).toEqual({
      EXPORTED: 'exp-value',
      UNQUOTED: 'plain value',
      HASHNOSPACE: 'abc#def',
      DQ: 'double "quoted" \n newline plain value',
      SQ: 'single ${UNQUOTED} \\n literal',
      MULTI: 'line1\nline2',
      YAMLSTYLE: 'colon-style',
      EMPTY: '',
      REF: 'shell-ref',
      // Unquoted: no escapes, so `$notvar` is an (unset) variable after a backslash.
      DOLLAR: '\\',
      INHERITED: 'inherited',
      SPACED: 'spaced-around-equals',
      INDENTED: 'yes',
    });
  });

  it('lets the caller environment win over earlier keys of the same file when interpolating', () => {
    expect(parseDotenv('FROM_SHELL=file\nUSE=${FROM_SHELL}', lookup)).toEqual({ FROM_SHELL: 'file', USE: 'shell' });
    expect(parseDotenv('A=1\nB=${A}2', () => undefined)).toEqual({ A: '1', B: '12' });
  });

  it('escapes `$` in double quotes so it is not substituted', () => {
    expect(parseDotenv('A="cost \\$5 ${X:-x}"')).toEqual({ A: 'cost $5 x' });
  });

  it('fails with the line of an unterminated quote or a bad key', () => {
    expect(() => parseDotenv('A=1\nB="open\nC=2')).toThrow(DotenvSyntaxError);
    expect(() => parseDotenv('A=1\nB="open\nC=2')).toThrow(/^line \d+: unterminated quoted value/);
    expect(() => parseDotenv('GOOD=1\nBAD KEY=2')).toThrow('line 2: key cannot contain a space');
    expect(() => parseDotenv('A=1\nB@=2')).toThrow(/line 2: unexpected character "@" in variable name/);
  });

  it('handles a missing trailing newline and a UTF-8 BOM', () => {
    expect(parseDotenv('\uFEFFA=1\nB=2')).toEqual({ A: '1', B: '2' });
  });
});

const key = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,10}$/);
const safeValue = fc.stringMatching(/^[A-Za-z0-9_./:@+-]{0,20}$/);

describe('parseDotenv properties', () => {
  it('round-trips KEY=value lines of simple values', () => {
    fc.assert(
      fc.property(fc.dictionary(key, safeValue, { maxKeys: 8 }), (entries) => {
        const source = Object.entries(entries)
          .map(([k, v]) => `${k}=${v}`)
          .join('\n');
        expect(parseDotenv(source)).toEqual(entries);
      }),
    );
  });

  it('single-quoted values are literal', () => {
    const literal = fc.string({ maxLength: 20 }).filter((text) => !text.includes("'") && !text.includes('\\'));
    fc.assert(fc.property(key, literal, (k, v) => parseDotenv(`${k}='${v}'`)[k] === v));
  });

  it('double-quoted values keep their text when nothing needs escaping', () => {
    const text = fc.string({ maxLength: 20 }).filter((value) => !/["\\$]/.test(value));
    fc.assert(fc.property(key, text, (k, v) => parseDotenv(`export ${k}="${v}"`)[k] === v));
  });

  it('inline comments after a space are dropped, `#` inside a word is kept', () => {
    fc.assert(
      fc.property(key, safeValue, safeValue, (k, value, comment) => {
        const parsed = parseDotenv(`${k}=${value}#x${value} #${comment}`);
        return parsed[k] === `${value}#x${value}`;
      }),
    );
  });

  it('either parses or raises a DotenvSyntaxError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (source) => {
        try {
          parseDotenv(source);
          return true;
        } catch (error) {
          return (
            error instanceof DotenvSyntaxError ||
            error instanceof InvalidTemplateError ||
            error instanceof MissingRequiredVariableError
          );
        }
      }),
      { numRuns: 3000 },
    );
  });
});
