import { describe, expect, it } from 'vitest';
import { GoFloat } from '../../../src/main/services/compose/util/go-scalars';
import { parseComposeYaml } from '../../../src/main/services/compose/yaml/parse-yaml';

describe('parseComposeYaml', () => {
  it('resolves anchors, aliases and merge keys (single and list)', () => {
    const [document] = parseComposeYaml(
      [
        'x-a: &a {restart: always, image: a}',
        'x-b: &b {image: b, tty: true}',
        'services:',
        '  one: {<<: *a}',
        '  two:',
        '    <<: [*a, *b]',
        '    image: own',
      ].join('\n'),
      'compose.yaml',
    );
    expect(document!.data).toMatchObject({
      services: { one: { restart: 'always', image: 'a' }, two: { restart: 'always', image: 'own', tty: true } },
    });
  });

  it('reads YAML 1.2 scalars like Go yaml.v3 (yes stays a string, 0755 is octal)', () => {
    const [document] = parseComposeYaml('a: yes\nb: 0755\nc: 0o17\nd: "0755"\ne: ~\nf: 1.5', 'f.yaml');
    expect(document!.data).toEqual({ a: 'yes', b: 493, c: 15, d: '0755', e: null, f: new GoFloat(1.5) });
  });

  it('records !reset and !override paths', () => {
    const [document] = parseComposeYaml(
      'services:\n  s:\n    ports: !override ["80:80"]\n    dns: !reset []\n',
      'f.yaml',
    );
    expect(document!.overridePaths).toEqual([['services', 's', 'ports']]);
    expect(document!.resetPaths).toEqual([['services', 's', 'dns']]);
  });

  it('splits multi-document files', () => {
    const documents = parseComposeYaml('services: {a: {image: a}}\n---\nservices: {b: {image: b}}\n', 'f.yaml');
    expect(documents.map((document) => document.data)).toEqual([
      { services: { a: { image: 'a' } } },
      { services: { b: { image: 'b' } } },
    ]);
  });

  it('maps key paths back to line and column', () => {
    const [document] = parseComposeYaml('services:\n  web:\n    image: nginx\n    ports:\n      - "80"\n', 'f.yaml');
    expect(document!.locate(['services', 'web', 'image'])).toEqual({ line: 3, column: 5 });
    expect(document!.locate(['services', 'web', 'ports', 0])).toEqual({ line: 5, column: 9 });
    expect(document!.locate(['services', 'nope'])).toBeUndefined();
  });

  it('reports syntax errors as E_COMPOSE_FILE with a position', () => {
    expect(() => parseComposeYaml('services:\n  s:\n    image: x\n     bad: indent\n', '/p/compose.yaml')).toThrow(
      expect.objectContaining({
        code: 'E_COMPOSE_FILE',
        details: expect.objectContaining({ file: '/p/compose.yaml', line: 3 }),
      }),
    );
    expect(() => parseComposeYaml('a: 1\na: 2\n', 'dup.yaml')).toThrow(
      expect.objectContaining({ code: 'E_COMPOSE_FILE' }),
    );
  });
});
