import { describe, expect, it } from 'vitest';
import { parseNvidiaXml } from '../../../src/main/services/gpus/nvidia/xml-report';
import { fixtureDir, listFixtures, readFixture } from '../../support/gpu/fixtures';

const nvidiaDir = fixtureDir('nvidia-smi');

interface ExpectedGpu {
  name: string;
  uuid: string;
  busId: string | null;
  memory: [number | null, number | null];
  util: number | null;
  temp: number | null;
  power: number | null;
  mig: boolean | null;
  driverModel?: string | null;
  /** [pid, name, MiB] */
  processes: Array<[number, string, number]>;
  migMemory?: Array<[number, number, number]>;
}
interface Expected {
  driver: string | null;
  cuda: string | null;
  gpus: ExpectedGpu[];
}

const EXPECTED: Record<string, Expected> = {
  'microsoft-pai__nvidia_smi_out_of_order.xml': {
    driver: '430.26',
    cuda: null, // `Not Found`
    gpus: [
      {
        name: 'Tesla K80',
        uuid: 'GPU-c3b26f7a-8dcb-619c-fa1b-8029265a4db0',
        busId: '00001580:00:00.0',
        memory: [11441, 587],
        util: 99,
        temp: 64,
        power: 135.72,
        mig: null,
        processes: [[58813, 'python', 576]],
      },
      {
        name: 'Tesla K80',
        uuid: 'GPU-b01b80eb-0f18-1df0-cf88-0725bd90f1e1',
        busId: '00002DF7:00:00.0',
        memory: [11441, 587],
        util: 99,
        temp: 69,
        power: 139.71,
        mig: null,
        processes: [[58642, 'python', 576]],
      },
      {
        name: 'Tesla K80',
        uuid: 'GPU-30bc2701-3bc2-5f35-0ebd-9867a077e138',
        busId: '00004968:00:00.0',
        memory: [11441, 0],
        util: 0,
        temp: 28,
        power: 32.27,
        mig: null,
        processes: [],
      },
      {
        name: 'Tesla K80',
        uuid: 'GPU-3341aba2-f01d-2c1f-7dd4-e389779faec2',
        busId: '0000F8D6:00:00.0',
        memory: [11441, 0],
        util: 0,
        temp: 26,
        power: 34.44,
        mig: null,
        processes: [],
      },
    ],
  },
  'microsoft-pai__nvidia_smi_outdated_gpu.xml': {
    driver: '384.111',
    cuda: null,
    gpus: [
      {
        name: 'GeForce GT 730',
        uuid: 'GPU-09cb2925-9d01-5ca4-810b-6cdebe86b71a',
        busId: '00000000:01:00.0',
        memory: [null, null],
        util: null,
        temp: null,
        power: null,
        mig: null,
        processes: [],
      },
    ],
  },
  'microsoft-pai__nvidia_smi_sample.xml': {
    driver: '384.66',
    cuda: null,
    gpus: [
      {
        name: 'GeForce GTX 1070',
        uuid: 'GPU-e511a7b2-f9d5-ba47-9b98-853732ca6c1b',
        busId: '00000000:01:00.0',
        memory: [8112, 2028],
        util: 100,
        temp: 60,
        power: 119.47,
        mig: null,
        processes: [
          [1357, '/usr/lib/xorg/Xorg', 99],
          [2384, '/usr/bin/gnome-shell', 79],
          [3093, './ethminer', 2283],
        ],
      },
      {
        name: 'GeForce GTX 1070',
        uuid: 'GPU-28daffaf-8abe-aaf8-c298-4bd13aecb5e6',
        busId: '00000000:03:00.0',
        memory: [8114, 4057],
        util: 98,
        temp: 59,
        power: 139.3,
        mig: null,
        processes: [[3093, './ethminer', 2283]],
      },
    ],
  },
  'microsoft-pai__nvidia_smi_sample_ecc_unsupported.xml': {
    driver: '410.73',
    cuda: '10.0',
    gpus: [
      {
        name: 'GeForce RTX 2080 Ti',
        uuid: 'GPU-57567e11-0be2-381b-5132-2ad95c262e58',
        busId: '00000000:02:00.0',
        memory: [10989, 0],
        util: 0,
        temp: 24,
        power: 2.12,
        mig: null,
        processes: [],
      },
      {
        name: 'GeForce RTX 2080 Ti',
        uuid: 'GPU-ef1d0068-5bfd-f1e4-7e79-ff35d71d44b8',
        busId: '00000000:03:00.0',
        memory: [10989, 0],
        util: 0,
        temp: 24,
        power: 19.11,
        mig: null,
        processes: [],
      },
    ],
  },
  'telegraf__a100-sxm4-v12.xml': {
    driver: '535.54.03',
    cuda: '12.2',
    gpus: [
      {
        name: 'NVIDIA A100-SXM4-80GB',
        uuid: 'GPU-513536b6-7d19-9063-b049-1e69664bb298',
        busId: '00000000:01:00.0',
        memory: [81920, 50],
        util: null,
        temp: 27,
        power: 67.03,
        mig: true,
        processes: [],
        migMemory: [
          [3, 19968, 12],
          [4, 19968, 12],
          [5, 19968, 12],
          [6, 19968, 12],
        ],
      },
    ],
  },
  'telegraf__a10g.xml': {
    driver: '515.105.01',
    cuda: '11.7',
    gpus: [
      {
        name: 'NVIDIA A10G',
        uuid: 'GPU-9a9a6c50-2a47-2f51-a902-b82c3b127e94',
        busId: '00000000:00:1E.0',
        memory: [23028, 22],
        util: 0,
        temp: 17,
        power: 25.58,
        mig: null,
        processes: [[725, '/usr/lib/xorg/Xorg', 22]],
      },
    ],
  },
  'telegraf__gtx-1070-ti.xml': {
    driver: null, // hand-trimmed fragment
    cuda: null,
    gpus: [
      {
        name: 'GeForce GTX 1070 Ti',
        uuid: 'GPU-f9ba66fc-a7f5-94c5-da19-019ef2f9c665',
        busId: '00000000:01:00.0',
        memory: [4096, 42],
        util: 0,
        temp: 39,
        power: null,
        mig: null,
        processes: [],
      },
    ],
  },
  'telegraf__gtx-1660-ti.xml': {
    driver: '418.43',
    cuda: '10.1',
    gpus: [
      {
        name: 'Graphics Device',
        uuid: 'GPU-304a277d-3545-63b8-3a36-dfde3c992989',
        busId: '00000000:43:00.0',
        memory: [5912, 0],
        util: 0,
        temp: 40,
        power: 8.93,
        mig: null,
        processes: [],
      },
    ],
  },
  'telegraf__quadro-p2000-v12.xml': {
    driver: '525.125.06',
    cuda: '12.0',
    gpus: [
      {
        name: 'Quadro P2000',
        uuid: 'GPU-396caaed-39ca-3199-2e68-717cdb786ec6',
        busId: '00000000:17:00.0',
        memory: [5120, 1],
        util: 0,
        temp: 34,
        power: 4.61,
        mig: null,
        processes: [],
      },
    ],
  },
  'telegraf__quadro-p400.xml': {
    driver: '418.43',
    cuda: '10.1',
    gpus: [
      {
        name: 'Quadro P400',
        uuid: 'GPU-8f750be4-dfbc-23b9-b33f-da729a536494',
        busId: '00000000:43:00.0',
        memory: [1998, 0],
        util: 0,
        temp: 33,
        power: null,
        mig: null,
        processes: [],
      },
    ],
  },
  'telegraf__rtx-3060-v12.xml': {
    driver: '570.124.04',
    cuda: '12.8',
    gpus: [
      {
        name: 'NVIDIA GeForce RTX 3060',
        uuid: 'GPU-d6889ff6-2523-9142-ca3c-1ca3f396a625',
        busId: '00000000:2D:00.0',
        memory: [12288, 116],
        util: 0,
        temp: 42,
        power: 11.63,
        mig: null,
        processes: [],
      },
    ],
  },
  'telegraf__rtx-3080-v12.xml': {
    driver: '536.40',
    cuda: '12.2',
    gpus: [
      {
        name: 'NVIDIA GeForce RTX 3080',
        uuid: 'GPU-19d6d965-2acc-f646-00f8-4c76979aabb4',
        busId: '00000000:04:00.0',
        memory: [10240, 1128],
        util: 0,
        temp: 31,
        power: 22.78,
        mig: null,
        driverModel: 'WDDM',
        processes: [
          [835, '/usr/lib/Xorg', 550],
          [1481, '/usr/bin/gnome-shell', 18],
        ],
      },
    ],
  },
  'telegraf__rtx-3080-v13.xml': {
    driver: '595.58.03',
    cuda: '13.2',
    gpus: [
      {
        name: 'NVIDIA GeForce RTX 3080',
        uuid: 'GPU-19d6d965-2acc-f646-00f8-4c76979aabb4',
        busId: '00000000:0C:00.0',
        memory: [10240, 9184],
        util: 65,
        temp: 27,
        power: 142.33,
        mig: null,
        processes: [],
      },
    ],
  },
  'telegraf__rtx-3090-v12.xml': {
    driver: '525.147.05',
    cuda: '12.0',
    gpus: [
      {
        name: 'NVIDIA GeForce RTX 3090',
        uuid: 'GPU-12345678-aaaa-bbbb-cccc-0123456789ab',
        busId: '00000000:00:10.0',
        memory: [24576, 1],
        util: 0,
        temp: 37,
        power: 27.23,
        mig: null,
        processes: [],
      },
    ],
  },
  'telegraf__rtx-4000-sff-ada-v13.xml': {
    driver: '595.84',
    cuda: '13.2',
    gpus: [
      {
        name: 'NVIDIA RTX 4000 SFF Ada Generation',
        uuid: 'GPU-37037c3f-65c8-ec4d-24a9-420204ad8026',
        busId: '00000000:06:00.0',
        memory: [20475, 3534],
        util: 0,
        temp: 38,
        power: 8.44,
        mig: null,
        processes: [
          [1842, 'cosmic-comp', 410],
          [3190, '/usr/bin/code', 451],
          [4937, 'python', 160],
          [34626, '/usr/lib/chromium/chromium', 183],
        ],
      },
    ],
  },
  'telegraf__tesla-t4.xml': {
    driver: '515.105.01',
    cuda: '11.7',
    gpus: [
      {
        name: 'Tesla T4',
        uuid: 'GPU-d37e67a5-91dd-3774-a5cb-99096249601a',
        busId: '00000000:00:1E.0',
        memory: [15360, 1032],
        util: 0,
        temp: 40,
        power: 26.78,
        mig: null,
        processes: [
          [675, '/usr/lib/xorg/Xorg', 22],
          [5762, 'python', 1005],
        ],
      },
    ],
  },
};

describe.skipIf(!nvidiaDir)('nvidia-smi -q -x reports (DTD v9 to v13)', () => {
  const dir = nvidiaDir!;
  const files = nvidiaDir ? listFixtures(dir, 'xml') : [];

  it('has an expectation for every XML fixture', () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  describe.each(files)('%s', (file) => {
    const expected = EXPECTED[file]!;
    const report = parseNvidiaXml(readFixture(dir, 'xml', file), 5);

    it('reads the driver and CUDA versions', () => {
      expect(report.driverVersion).toBe(expected.driver);
      expect(report.cudaVersion).toBe(expected.cuda);
    });

    it('reads every GPU in document order, with its readings', () => {
      expect(report.gpus.map(({ device }) => device.index)).toEqual(expected.gpus.map((_, index) => index));
      report.gpus.forEach(({ device, metrics }, index) => {
        const gpu = expected.gpus[index]!;
        expect(device).toMatchObject({
          id: gpu.uuid,
          vendor: 'nvidia',
          name: gpu.name,
          uuid: gpu.uuid,
          pciBusId: gpu.busId,
          memoryTotalMiB: gpu.memory[0],
          migEnabled: gpu.mig,
          driverModel: gpu.driverModel ?? null,
        });
        expect(metrics).toEqual({
          gpuId: gpu.uuid,
          utilizationPercent: gpu.util,
          memoryUsedMiB: gpu.memory[1],
          memoryTotalMiB: gpu.memory[0],
          temperatureC: gpu.temp,
          powerDrawW: gpu.power,
          powerLimitW: metrics.powerLimitW,
          sampledAt: 5,
        });
      });
    });

    it('reads the processes of each GPU', () => {
      report.gpus.forEach(({ processes }, index) => {
        const wanted = expected.gpus[index]!.processes;
        // Long command lines (browsers) are checked by PID and memory only.
        expect(processes.slice(0, wanted.length).map((p) => [p.pid, p.processName, p.usedMemoryMiB])).toEqual(wanted);
        for (const process of processes) expect(process.gpuUuid).toBe(expected.gpus[index]!.uuid);
      });
    });

    it('reads MIG devices with their instance ids and memory', () => {
      report.gpus.forEach(({ device }, index) => {
        const wanted = expected.gpus[index]!.migMemory ?? [];
        expect(device.migDevices.map((mig) => [mig.gpuInstanceId, mig.memoryTotalMiB, mig.memoryUsedMiB])).toEqual(
          wanted,
        );
      });
    });
  });

  it('reads power limits from both the old and the new power sections', () => {
    const limitOf = (file: string) => parseNvidiaXml(readFixture(dir, 'xml', file)).gpus[0]!.metrics.powerLimitW;
    expect(limitOf('telegraf__a100-sxm4-v12.xml')).toBe(500);
    expect(limitOf('telegraf__tesla-t4.xml')).toBe(70);
  });

  it('keeps the WDDM capture’s five processes, including the ones with long command lines', () => {
    const [gpu] = parseNvidiaXml(readFixture(dir, 'xml', 'telegraf__rtx-3080-v12.xml')).gpus;
    expect(gpu!.processes.map((p) => p.pid)).toEqual([835, 1481, 2214, 4044, 42416]);
    expect(gpu!.processes[2]!.processName).toMatch(/^\/opt\/microsoft\/msedge\/msedge --type=gpu-process/);
  });
});
