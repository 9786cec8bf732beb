import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  InvalidTemplateError,
  MissingRequiredVariableError,
  substitute,
} from '../../../src/main/services/compose/interpolation/template';

const env: Record<string, string> = { SET: 'value', EMPTY: '', lower_case: 'lc', PORT: '8080' };
const lookup = (name: string) => (Object.hasOwn(env, name) ? env[name] : undefined);
const sub = (template: string) => substitute(template, lookup);

describe('substitute', () => {
  it.each([
    ['$SET', 'value'],
    ['${SET}', 'value'],
    ['pre-${SET}-post', 'pre-value-post'],
    ['$SET-suffix', 'value-suffix'],
    ['$SETx', ''],
    ['${lower_case}', 'lc'],
    ['${UNSET:-def}', 'def'],
    ['${EMPTY:-def}', 'def'],
    ['${EMPTY-def}', ''],
    ['${UNSET-def}', 'def'],
    ['${SET:+alt}', 'alt'],
    ['${EMPTY:+alt}', ''],
    ['${EMPTY+alt}', 'alt'],
    ['${UNSET+alt}', ''],
    ['${UNSET:-${ALSO_UNSET:-${SET}}}', 'value'],
    ['${UNSET:-$PORT}', '8080'],
    ['$$SET and $${SET}', '$SET and ${SET}'],
    ['cost: $5', 'cost: $5'],
    ['trailing $', 'trailing $'],
    ['${UNSET:-a}-${SET}', 'a-value'],
    ['${UNSET:-{}}', '{}'],
  ])('%s → %s', (template, expected) => {
    expect(sub(template)).toBe(expected);
  });

  it('reports unset variables once per use', () => {
    const unset: string[] = [];
    substitute('$A ${B} ${A:-x}', () => undefined, { onUnset: (name) => unset.push(name) });
    expect(unset).toEqual(['A', 'B']);
  });

  it('rejects malformed braces with the whole template', () => {
    expect(() => sub('x${SET')).toThrow(InvalidTemplateError);
    expect(() => sub('${}')).toThrow(new InvalidTemplateError('${}'));
    expect(() => sub('${1BAD}')).toThrow(InvalidTemplateError);
  });

  it('raises required-variable errors with the message', () => {
    expect(() => sub('${UNSET:?set it}')).toThrow(new MissingRequiredVariableError('UNSET', 'set it'));
    expect(() => sub('${EMPTY:?}')).toThrow('required variable EMPTY is missing a value');
    expect(sub('${EMPTY?}')).toBe('');
  });

  it('evaluates the modifier argument even when unused (Compose does)', () => {
    expect(() => sub('${SET:-${BROKEN}')).toThrow(InvalidTemplateError);
  });
});

const name = fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,8}$/);
const plain = fc.string({ maxLength: 20 }).filter((text) => !text.includes('$'));

describe('substitute properties', () => {
  it('leaves text without `$` unchanged', () => {
    fc.assert(fc.property(plain, (text) => substitute(text, () => 'x') === text));
  });

  it('turns `$$` into a literal `$` whatever follows', () => {
    fc.assert(
      fc.property(
        plain,
        plain,
        (before, after) => substitute(`${before}$$${after}`, () => undefined) === `${before}$${after}`,
      ),
    );
  });

  it('`${V:-d}` is the value when non-empty, else the default', () => {
    fc.assert(
      fc.property(
        name,
        fc.option(plain.filter((v) => !v.includes('}'))),
        plain.filter((d) => !d.includes('}')),
        (variable, value, fallback) => {
          const result = substitute(`\${${variable}:-${fallback}}`, (n) =>
            n === variable ? (value ?? undefined) : undefined,
          );
          return result === (value ? value : fallback);
        },
      ),
    );
  });

  it('`${V-d}` only falls back when unset and `${V+a}` only substitutes when set', () => {
    fc.assert(
      fc.property(name, fc.option(plain.filter((v) => !v.includes('}'))), (variable, value) => {
        const lookupValue = (n: string) => (n === variable ? (value ?? undefined) : undefined);
        const dash = substitute(`\${${variable}-d}`, lookupValue);
        const plus = substitute(`\${${variable}+a}`, lookupValue);
        return dash === (value === null ? 'd' : value) && plus === (value === null ? '' : 'a');
      }),
    );
  });

  it('never throws anything but a template error on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        try {
          substitute(text, (n) => (n.length % 2 === 0 ? n : undefined));
          return true;
        } catch (error) {
          return error instanceof InvalidTemplateError || error instanceof MissingRequiredVariableError;
        }
      }),
      { numRuns: 2000 },
    );
  });
});
