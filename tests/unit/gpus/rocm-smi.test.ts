import { describe, expect, it } from 'vitest';
import { parseRocmSmiJson } from '../../../src/main/services/gpus/amd/rocm-smi';
import { fixtureDir, listFixtures, readFixture } from '../../support/gpu/fixtures';

const rocmDir = fixtureDir('rocm-smi');
const MiB = 1024 * 1024;

interface ExpectedCard {
  name: string;
  busId: string;
  uniqueId: string | null;
  vramTotalBytes: number;
  vramUsedBytes: number;
  util: number;
  temp: number;
  power: number | null;
  powerLimit: number;
}

const MI100 = 'Arcturus GL-XL [Instinct MI100]';
const NAVI22 = 'Navi 22 [Radeon RX 6700/6700 XT / 6800M]';
const rx6700 = (vramUsedBytes: number, name: string, power: number | null): ExpectedCard => ({
  name,
  busId: '0000:07:00.0',
  uniqueId: null,
  vramTotalBytes: 12868124672,
  vramUsedBytes,
  util: 0,
  temp: 45,
  power,
  powerLimit: 211,
});
const mi100_571 = (busId: string, temp: number, power: number): ExpectedCard => ({
  name: MI100,
  busId,
  uniqueId: null,
  vramTotalBytes: 34342961152,
  vramUsedBytes: 6782976,
  util: 0,
  temp,
  power,
  powerLimit: 290,
});
const mi100_602 = (busId: string, uniqueId: string, temp: number, power: number): ExpectedCard => ({
  name: MI100,
  busId,
  uniqueId,
  vramTotalBytes: 34342961152,
  vramUsedBytes: 6750208,
  util: 0,
  temp,
  power,
  powerLimit: 290,
});

const EXPECTED: Record<string, { driver: string; cards: ExpectedCard[]; processes: Array<[number, string, number]> }> =
  {
    'microsoft-pai__rocm_smi.json': {
      driver: '5.3.0-26-generic',
      // Keys are card2, card1: the parser orders them by card number.
      cards: [
        {
          name: 'Vega 20',
          busId: '0000:03:00.0',
          uniqueId: '7c96610172fc1a8d',
          vramTotalBytes: 17163091968,
          vramUsedBytes: 325533696,
          util: 0,
          temp: 31,
          power: 34,
          powerLimit: 250,
        },
        {
          name: 'Vega 20',
          busId: '0000:06:00.0',
          uniqueId: '249220e172fc1a88',
          vramTotalBytes: 17163091968,
          vramUsedBytes: 19095552,
          util: 0,
          temp: 25,
          power: 24,
          powerLimit: 250,
        },
      ],
      processes: [],
    },
    'telegraf__mi100_rocm571.json': {
      driver: '6.2.4',
      cards: [
        mi100_571('0000:1e:00.0', 31, 39),
        mi100_571('0000:22:00.0', 30, 37),
        mi100_571('0000:3f:00.0', 31, 35),
        mi100_571('0000:43:00.0', 33, 39),
        mi100_571('0000:46:00.0', 32, 39),
        mi100_571('0000:49:00.0', 33, 40),
      ],
      processes: [[104225, 'mlir-cpu-runner', 0]],
    },
    'telegraf__mi100_rocm602.json': {
      driver: '6.3.6',
      cards: [
        mi100_602('0000:83:00.0', '0x79ccd55167a2124a', 53, 36),
        mi100_602('0000:a3:00.0', '0x4edfb117a17a07d', 55, 44),
        mi100_602('0000:c3:00.0', '0xd4a9ec48d03d261d', 54, 43),
        mi100_602('0000:e3:00.0', '0x1b9dd972253c3736', 51, 39),
      ],
      processes: [],
    },
    // ROCm 4.3 prints the vendor id where the names belong.
    'telegraf__rx6700xt_rocm430.json': {
      driver: '6.3.6',
      cards: [rx6700(1622728704, 'AMD GPU 0x73df', 6)],
      processes: [],
    },
    'telegraf__rx6700xt_rocm571.json': { driver: '6.3.6', cards: [rx6700(1564491776, NAVI22, 6)], processes: [] },
    // `N/A (Secondary die)` power.
    'telegraf__rx6700xt_rocm602.json': { driver: '6.3.6', cards: [rx6700(1572757504, NAVI22, null)], processes: [] },
    'telegraf__rx6700xt_rocm612.json': { driver: '6.3.6', cards: [rx6700(1572745216, NAVI22, 6)], processes: [] },
    'telegraf__vega-10-XT.json': {
      driver: '5.9.25',
      cards: [
        {
          name: 'AMD GPU 0x6861',
          busId: '0000:04:00.0',
          uniqueId: '0x2150e7d042a1124',
          vramTotalBytes: 17163091968,
          vramUsedBytes: 17776640,
          util: 0,
          temp: 39,
          power: 15,
          powerLimit: 170,
        },
      ],
      processes: [],
    },
    'telegraf__vega-20-WKS-GL-XE.json': {
      driver: '5.9.17',
      cards: [
        {
          name: 'Radeon Instinct MI50 32GB',
          busId: '0000:63:00.0',
          uniqueId: '0x2f048617326b1ea',
          vramTotalBytes: 34342961152,
          vramUsedBytes: 10850304,
          util: 0,
          temp: 36,
          power: 26,
          powerLimit: 225,
        },
      ],
      processes: [],
    },
  };

describe.skipIf(!rocmDir)('rocm-smi --json captures', () => {
  const dir = rocmDir!;
  const files = rocmDir ? listFixtures(dir).filter((name) => name.endsWith('.json')) : [];

  it('has an expectation for every rocm-smi fixture', () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  describe.each(files)('%s', (file) => {
    const expected = EXPECTED[file]!;
    const report = parseRocmSmiJson(readFixture(dir, file), 9);

    it('reads every card with its name, bus id, memory and readings', () => {
      expect(report.driverVersion).toBe(expected.driver);
      expect(report.gpus).toHaveLength(expected.cards.length);
      report.gpus.forEach(({ device, metrics }, index) => {
        const card = expected.cards[index]!;
        expect(device).toMatchObject({
          id: card.busId,
          vendor: 'amd',
          index,
          uuid: card.uniqueId,
          name: card.name,
          pciBusId: card.busId,
          memoryTotalMiB: Math.round(card.vramTotalBytes / MiB),
          migEnabled: null,
        });
        expect(metrics).toEqual({
          gpuId: card.busId,
          utilizationPercent: card.util,
          memoryUsedMiB: Math.round(card.vramUsedBytes / MiB),
          memoryTotalMiB: Math.round(card.vramTotalBytes / MiB),
          temperatureC: card.temp,
          powerDrawW: card.power,
          powerLimitW: card.powerLimit,
          sampledAt: 9,
        });
      });
    });

    it('reads the KFD processes from --showpids', () => {
      expect(report.processes.map((p) => [p.pid, p.processName, p.usedMemoryMiB])).toEqual(expected.processes);
    });
  });
});

describe('rocm-smi output that is not a report', () => {
  it('throws a BerthError for text that is not JSON', () => {
    expect(() => parseRocmSmiJson('ERROR: GPU[0] : Unable to open')).toThrow(/not JSON/);
  });
});
