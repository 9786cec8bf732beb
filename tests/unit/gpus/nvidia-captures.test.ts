import { describe, expect, it } from 'vitest';
import { parseComputeApps } from '../../../src/main/services/gpus/nvidia/compute-apps';
import { parseListGpus } from '../../../src/main/services/gpus/nvidia/list-gpus';
import { deviceFromRow, metricsFromRow, parseQueryGpu } from '../../../src/main/services/gpus/nvidia/query-gpu';
import { fixtureDir, listFixtures, readFixture } from '../../support/gpu/fixtures';

const nvidiaDir = fixtureDir('nvidia-smi');
const CAPTURES = 'csv/from-captures';

interface Reading {
  used: number;
  util: number | null;
  temp: number;
  power: number;
}
interface Expected {
  name: string;
  busId: string;
  driver: string;
  memoryTotal: number;
  computeCap: string;
  mig: boolean | null;
  powerLimit: number;
  idle: Reading;
  load: Reading;
  /** [pid, name, MiB] of the load capture's first process, and the process counts idle/load. */
  firstLoadProcess: [number, string, number | null];
  processCounts: [number, number];
  migProfiles: string[];
}

const RTX_2080 = 'NVIDIA GeForce RTX 2080 SUPER';
const EXPECTED: Record<string, Expected> = {
  'linux-x86_64__nvidia-geforce-rtx-2080-super__595.71.05': {
    name: RTX_2080,
    busId: '00000000:0C:00.0',
    driver: '595.71.05',
    memoryTotal: 8192,
    computeCap: '7.5',
    mig: null,
    powerLimit: 250,
    idle: { used: 214, util: 0, temp: 40, power: 39.32 },
    load: { used: 819, util: 8, temp: 45, power: 111.5 },
    firstLoadProcess: [5268, 'ffmpeg', 370],
    processCounts: [0, 2],
    migProfiles: [],
  },
  'linux-x86_64__nvidia-geforce-rtx-2080-super__610.57.04': {
    name: RTX_2080,
    busId: '00000000:0C:00.0',
    driver: '610.57.04',
    memoryTotal: 8192,
    computeCap: '7.5',
    mig: null,
    powerLimit: 250,
    idle: { used: 211, util: 0, temp: 33, power: 39.17 },
    load: { used: 815, util: 8, temp: 38, power: 98.14 },
    firstLoadProcess: [28512, 'ffmpeg', 370],
    processCounts: [0, 2],
    migProfiles: [],
  },
  'linux-x86_64__nvidia-geforce-rtx-4080-super__595.71.05': {
    name: 'NVIDIA GeForce RTX 4080 SUPER',
    busId: '00000000:01:00.0',
    driver: '595.71.05',
    memoryTotal: 16376,
    computeCap: '8.9',
    mig: null,
    powerLimit: 320,
    idle: { used: 596, util: 0, temp: 43, power: 26.2 },
    load: { used: 1474, util: 7, temp: 46, power: 84.24 },
    firstLoadProcess: [2165, '/usr/bin/kwin_wayland', 25],
    processCounts: [1, 3],
    migProfiles: [],
  },
  'linux-x86_64__nvidia-h100-80gb-hbm3__590.48.01': {
    name: 'NVIDIA H100 80GB HBM3',
    busId: '00000000:00:09.0',
    driver: '590.48.01',
    memoryTotal: 81559,
    computeCap: '9.0',
    mig: false,
    powerLimit: 700,
    idle: { used: 0, util: 0, temp: 41, power: 69.85 },
    load: { used: 19818, util: 100, temp: 59, power: 631.95 },
    firstLoadProcess: [11327, '/root/tools/memhog', 2566],
    processCounts: [0, 3],
    migProfiles: [],
  },
  'linux-x86_64__nvidia-h100-mig__590.48.01': {
    name: 'NVIDIA H100 80GB HBM3',
    busId: '00000000:00:09.0',
    driver: '590.48.01',
    memoryTotal: 81559,
    computeCap: '9.0',
    mig: true,
    powerLimit: 700,
    idle: { used: 59, util: null, temp: 42, power: 71.15 },
    load: { used: 11125, util: null, temp: 53, power: 433.78 },
    firstLoadProcess: [21180, '/root/tools/memhog', 2296],
    processCounts: [0, 3],
    migProfiles: ['3g.40gb', '2g.20gb', '1g.10gb', '1g.10gb'],
  },
  'linux-x86_64__nvidia-h200__590.48.01': {
    name: 'NVIDIA H200',
    busId: '00000000:83:00.0',
    driver: '590.48.01',
    memoryTotal: 143771,
    computeCap: '9.0',
    mig: false,
    powerLimit: 700,
    idle: { used: 0, util: 0, temp: 28, power: 77.71 },
    load: { used: 32362, util: 100, temp: 52, power: 627.4 },
    firstLoadProcess: [10291, '/root/tools/memhog', 2566],
    processCounts: [0, 3],
    migProfiles: [],
  },
  'linux-x86_64__nvidia-h200-mig__590.48.01': {
    name: 'NVIDIA H200',
    busId: '00000000:83:00.0',
    driver: '590.48.01',
    memoryTotal: 143771,
    computeCap: '9.0',
    mig: true,
    powerLimit: 700,
    idle: { used: 55, util: null, temp: 28, power: 78.28 },
    load: { used: 16959, util: null, temp: 36, power: 295.01 },
    firstLoadProcess: [12249, '/root/tools/memhog', 2194],
    processCounts: [0, 3],
    migProfiles: ['1c.3g.71gb', '2c.3g.71gb', '2g.35gb', '1g.18gb', '1g.18gb'],
  },
  'linux-x86_64__nvidia-l40s__595.80': {
    name: 'NVIDIA L40S',
    busId: '00000000:01:00.0',
    driver: '595.80',
    memoryTotal: 46068,
    computeCap: '8.9',
    mig: null,
    powerLimit: 350,
    idle: { used: 0, util: 100, temp: 63, power: 144.97 },
    load: { used: 1235, util: 9, temp: 54, power: 110.23 },
    firstLoadProcess: [20037, 'ffmpeg', 538],
    processCounts: [0, 2],
    migProfiles: [],
  },
  'windows-x86_64__nvidia-geforce-rtx-2080-super__591.86': {
    name: RTX_2080,
    busId: '00000000:0C:00.0',
    driver: '591.86',
    memoryTotal: 8192,
    computeCap: '7.5',
    mig: null,
    powerLimit: 250,
    idle: { used: 702, util: 0, temp: 40, power: 38.92 },
    load: { used: 1296, util: 7, temp: 45, power: 97.43 },
    firstLoadProcess: [
      12444,
      'C:\\Windows\\SystemApps\\MicrosoftWindows.Client.CBS_cw5n1h2txyewy\\TextInputHost.exe',
      null,
    ],
    processCounts: [10, 12],
    migProfiles: [],
  },
  'windows-x86_64__nvidia-geforce-rtx-2080-super__610.62': {
    name: RTX_2080,
    busId: '00000000:0C:00.0',
    driver: '610.62',
    memoryTotal: 8192,
    computeCap: '7.5',
    mig: null,
    powerLimit: 250,
    idle: { used: 797, util: 0, temp: 40, power: 39.25 },
    load: { used: 1366, util: 7, temp: 44, power: 97.99 },
    firstLoadProcess: [2140, 'C:\\Windows\\System32\\dwm.exe', null],
    processCounts: [19, 21],
    migProfiles: [],
  },
};

describe.skipIf(!nvidiaDir)('nvidia-smi CSV captures', () => {
  const dir = nvidiaDir!;
  const captures = nvidiaDir ? listFixtures(dir, CAPTURES) : [];

  it('has an expectation for every capture, so a new capture cannot go unchecked', () => {
    expect(captures).toEqual(Object.keys(EXPECTED).sort());
  });

  describe.each(captures)('%s', (capture) => {
    const expected = EXPECTED[capture]!;
    const read = (file: string) => readFixture(dir, CAPTURES, capture, file);

    it.each(['idle', 'load'] as const)('reads the GPU and its %s readings from --query-gpu', (state) => {
      const rows = parseQueryGpu(read(`${state}__query-gpu.csv`));
      expect(rows).toHaveLength(1);
      const device = deviceFromRow(rows[0]!);
      expect(device).toMatchObject({
        id: 'GPU-00000000-0000-0000-0000-000000000000',
        vendor: 'nvidia',
        index: 0,
        name: expected.name,
        pciBusId: expected.busId,
        driverVersion: expected.driver,
        memoryTotalMiB: expected.memoryTotal,
        computeCapability: expected.computeCap,
        migEnabled: expected.mig,
      });
      const metrics = metricsFromRow(rows[0]!, 1);
      expect(metrics).toEqual({
        gpuId: device.id,
        utilizationPercent: expected[state].util,
        memoryUsedMiB: expected[state].used,
        memoryTotalMiB: expected.memoryTotal,
        temperatureC: expected[state].temp,
        powerDrawW: expected[state].power,
        powerLimitW: expected.powerLimit,
        sampledAt: 1,
      });
    });

    it('reads the compute processes, idle and under load', () => {
      const idle = parseComputeApps(read('idle__query-compute-apps.csv'));
      const load = parseComputeApps(read('load__query-compute-apps.csv'));
      expect([idle.length, load.length]).toEqual(expected.processCounts);
      const [pid, name, memory] = expected.firstLoadProcess;
      expect(load[0]).toEqual({
        pid,
        gpuUuid: 'GPU-00000000-0000-0000-0000-000000000000',
        processName: name,
        usedMemoryMiB: memory,
      });
      for (const process of load) expect(Number.isInteger(process.pid) && process.pid > 0).toBe(true);
    });

    it('reads -L, with MIG device UUIDs and profiles', () => {
      const [gpu, ...others] = parseListGpus(read('capabilities__list-L.txt'));
      expect(others).toEqual([]);
      expect(gpu).toMatchObject({ index: 0, name: expected.name, uuid: 'GPU-00000000-0000-0000-0000-000000000000' });
      expect(gpu!.migDevices.map((mig) => mig.profile)).toEqual(expected.migProfiles);
      gpu!.migDevices.forEach((mig, index) => {
        expect(mig.index).toBe(index);
        expect(mig.uuid).toBe(`MIG-0000000${index}-0000-0000-0000-00000000000${index}`);
      });
    });
  });
});
