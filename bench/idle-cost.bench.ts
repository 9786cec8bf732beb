/**
 * What Berth costs while nobody uses it (issue 19): 10 running containers, the app open on the Projects page, then
 * the window hidden. Main's services run in a process of their own (tests/support/bridge/serve-bridge.ts, the same
 * services Electron main runs, bundled as main is), the renderer in Chromium. Measured over WINDOW_S seconds each: main-process CPU and
 * RSS, renderer main-thread task time, and the engine's CPU (dockerd + containerd) against the same window with
 * Berth not running. Goals: main < 1 % of a core when hidden, RSS ≤ 150 MB, engine CPU unchanged (ratio ≈ 1).
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from '../playwright.config';
import { TEST_IMAGE } from '../tests/support/require-engine';
import { type BenchResult, benchEngine } from './bench-kit';
import { cpuMsDuring, mainEnginePids, processCpuMs, processRssMb } from './process-stats';

const WINDOW_S = 20;
const CONTAINERS = 10;
const ROOT = path.resolve(__dirname, '..');

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function run(): Promise<BenchResult> {
  if (!existsSync(path.join(ROOT, 'out/renderer/index.html'))) throw new Error('build first: npx electron-vite build');
  const docker = await benchEngine();
  const project = `berth-bench-idle-${randomUUID().slice(0, 8)}`;
  const containers = await Promise.all(
    Array.from({ length: CONTAINERS }, (_, i) =>
      docker.createContainer({
        Image: TEST_IMAGE,
        name: `${project}-worker-${i + 1}`,
        Cmd: ['sleep', '3600'],
        Labels: { 'com.docker.compose.project': project, 'com.docker.compose.service': 'worker' },
        HostConfig: { NetworkMode: 'none' },
      }),
    ),
  );
  const engine = mainEnginePids();
  const server = spawn(process.execPath, [await bundledBridgeServer()], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    for (const container of containers) await container.start();
    const engineAlone = await cpuMsDuring(engine, () => sleep(WINDOW_S * 1000));

    const { pageUrl } = JSON.parse(await firstLine(server.stdout)) as { pageUrl: string };
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const taskMs = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return (metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0) * 1000;
    };
    await page.goto(pageUrl);
    await page
      .getByText(project)
      .first()
      .waitFor({ timeout: 30_000 })
      .catch(async (error: unknown) => {
        await page.screenshot({ path: path.join(ROOT, '.cache/idle-cost-page.png') });
        throw error;
      });
    await sleep(3_000); // settle after the first load

    const measure = async () => {
      const mainBefore = processCpuMs(server.pid!);
      const tasksBefore = await taskMs();
      const engineMs = await cpuMsDuring(engine, () => sleep(WINDOW_S * 1000));
      return {
        mainPercent: ((processCpuMs(server.pid!) - mainBefore) / (WINDOW_S * 1000)) * 100,
        rendererMsPerS: ((await taskMs()) - tasksBefore) / WINDOW_S,
        engineMs,
      };
    };
    const visible = await measure();
    // Another tab in front: the Projects page is hidden, as when the window is minimized or behind others.
    const cover = await context.newPage();
    await cover.bringToFront();
    await sleep(1_000);
    const hidden = await measure();
    const rssMb = processRssMb(server.pid!);
    return {
      name: `Idle cost, ${CONTAINERS} running containers, Projects page open then hidden`,
      berthMs: hidden.engineMs,
      referenceMs: engineAlone,
      ratio: hidden.engineMs / Math.max(1, engineAlone),
      detail:
        `engine CPU over ${WINDOW_S} s: ${engineAlone.toFixed(0)} ms without Berth, ${visible.engineMs.toFixed(0)} ms visible, ` +
        `${hidden.engineMs.toFixed(0)} ms hidden (ratio hidden/without, goal ≈ 1); main process ${visible.mainPercent.toFixed(2)} % ` +
        `of a core visible, ${hidden.mainPercent.toFixed(2)} % hidden (goal < 1 %); main RSS ${rssMb.toFixed(0)} MB (goal ≤ 150); ` +
        `renderer main-thread tasks ${visible.rendererMsPerS.toFixed(1)} ms/s visible, ${hidden.rendererMsPerS.toFixed(1)} ms/s hidden`,
    };
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    await Promise.all(containers.map((container) => container.remove({ force: true }).catch(() => undefined)));
  }
}

/**
 * The bridge server bundled to plain JavaScript, as Electron main runs its (bundled) services: run through tsx, the
 * process would also carry a TypeScript loader, which is not Berth's cost.
 */
async function bundledBridgeServer(): Promise<string> {
  const outfile = path.join(ROOT, '.cache/bench/serve-bridge.cjs');
  await build({
    entryPoints: [path.join(ROOT, 'tests/support/bridge/serve-bridge.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    packages: 'external',
    alias: { '@shared': path.join(ROOT, 'src/shared') },
    define: { __dirname: JSON.stringify(path.join(ROOT, 'tests/support/bridge')) },
    logLevel: 'error',
  });
  return outfile;
}

async function firstLine(stream: NodeJS.ReadableStream): Promise<string> {
  for await (const line of createInterface({ input: stream })) return line;
  throw new Error('the bridge server ended before it was ready');
}
