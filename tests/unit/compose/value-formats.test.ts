import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeStruct } from '../../../src/main/services/compose/normalize/decode';
import { formatGoDuration, parseGoDuration } from '../../../src/main/services/compose/util/go-duration';
import { ramInBytes } from '../../../src/main/services/compose/normalize/go-units';
import { splitShellWords } from '../../../src/main/services/compose/normalize/shell-words';

describe('Go value formats', () => {
  it('parses and prints durations like time.Duration', () => {
    const cases: [string, string][] = [
      ['90s', '1m30s'],
      ['1m30s', '1m30s'],
      ['2h30m', '2h30m0s'],
      ['1.5s', '1.5s'],
      ['500ms', '500ms'],
      ['0', '0s'],
      ['1h', '1h0m0s'],
      ['10us', '10µs'],
    ];
    for (const [input, printed] of cases) expect(formatGoDuration(parseGoDuration(input))).toBe(printed);
    expect(() => parseGoDuration('10')).toThrow('time: missing unit in duration "10"');
    expect(() => parseGoDuration('abc')).toThrow('time: invalid duration "abc"');
  });

  it('round-trips any whole number of milliseconds', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (milliseconds) => {
        const nanoseconds = milliseconds * 1_000_000n;
        return parseGoDuration(formatGoDuration(nanoseconds)) === nanoseconds;
      }),
    );
  });

  it('reads byte sizes with binary units', () => {
    expect(ramInBytes('512m')).toBe(536870912);
    expect(ramInBytes('2gb')).toBe(2147483648);
    expect(ramInBytes('1.5k')).toBe(1536);
    expect(ramInBytes('100')).toBe(100);
    expect(() => ramInBytes('lots')).toThrow("invalid size: 'lots'");
  });

  it('splits command strings like go-shellwords', () => {
    expect(splitShellWords(`sh -c "echo 'hi there' && sleep 1"`)).toEqual(['sh', '-c', "echo 'hi there' && sleep 1"]);
    expect(splitShellWords(`a 'b c' "d\\"e" f\\ g ""`)).toEqual(['a', 'b c', 'd"e', 'f g', '']);
    // An unquoted command separator ends the command, as in Compose.
    expect(splitShellWords('echo $HOME; ls')).toEqual(['echo', '$HOME']);
    expect(() => splitShellWords('echo "open')).toThrow('invalid command line string');
  });
});

describe('decodeStruct (mapstructure-like decoding to the config JSON shape)', () => {
  it('converts short forms and drops zero values', () => {
    const service = decodeStruct(
      'Service',
      {
        image: 'x',
        command: 'run --fast',
        environment: ['A=1', 'B'],
        labels: ['x=1', 'y'],
        extra_hosts: ['b:2.2.2.2', 'a=1.1.1.1,[::1]'],
        healthcheck: { test: 'curl -f localhost', interval: '90s', retries: 3 },
        shm_size: '1g',
        ulimits: { nproc: 10, nofile: { soft: 1, hard: 2 } },
        expose: [80, '90'],
        privileged: false,
        tty: true,
        init: false,
      },
      'services.s',
    );
    expect(service).toEqual({
      command: ['run', '--fast'],
      entrypoint: null,
      environment: { A: '1', B: null },
      expose: ['80', '90'],
      extra_hosts: ['a=1.1.1.1', 'a=::1', 'b=2.2.2.2'],
      healthcheck: { test: ['CMD-SHELL', 'curl -f localhost'], interval: '1m30s', retries: 3 },
      image: 'x',
      init: false,
      labels: { x: '1', y: '' },
      shm_size: '1073741824',
      tty: true,
      ulimits: { nofile: { soft: 1, hard: 2 }, nproc: 10 },
    });
    expect(Object.keys(service)).toEqual([
      'command',
      'entrypoint',
      'environment',
      'expose',
      'extra_hosts',
      'healthcheck',
      'image',
      'init',
      'labels',
      'shm_size',
      'tty',
      'ulimits',
    ]);
  });

  it('keeps struct-valued fields Go always writes (deploy.resources, deploy.placement, network ipam)', () => {
    expect(decodeStruct('Deploy', { restart_policy: { condition: 'any', delay: '5s' } }, 'd')).toEqual({
      resources: {},
      restart_policy: { condition: 'any', delay: '5s' },
      placement: {},
    });
    expect(decodeStruct('Network', { name: 'p_default' }, 'n')).toEqual({ name: 'p_default', ipam: {} });
  });
});
