/**
 * The Logs viewer ingesting 100,000 lines/s in Chromium: a synthetic `logs` stream (no engine in the way) sends
 * 1,000,000 lines through the real transport (test bridge WebSocket, acknowledgement flow control) to the built
 * renderer. The producer never drops: when flow control pauses it, it falls behind its schedule, so the time to
 * deliver everything against the 10 s schedule says whether the viewer kept up (ratio 1.0 = it did). Long tasks
 * (> 50 ms, PerformanceObserver) on the page are counted; the goal is none.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import type { StreamSource } from '../src/main/services/streams/stream-source';
import { encodeLines, type LogLine, type LogsMessage } from '@shared/schemas/logs';
import { streams } from '@shared/contract';
import { startBridge } from '../tests/support/bridge/bridge-server';
import { createBridgeServices } from '../tests/support/bridge/bridge-services';
import { TEST_IMAGE } from '../tests/support/require-engine';
import { CHROMIUM_PATH } from '../playwright.config';
import { benchEngine, type BenchResult } from './bench-kit';

/** The little of the DOM the in-page check uses (this file is type-checked for Node, without DOM types). */
type PageDocument = { document: { querySelector(selector: string): { textContent: string | null } | null } };

const LINES_PER_SECOND = 100_000;
const TOTAL_LINES = 1_000_000;
const BATCH = 500;
const TICK_MS = 5;

/** How long flow control held the producer back: the viewer (or the path to it) not keeping up. */
interface PauseStats {
  count: number;
  totalMs: number;
  since: number;
}

/** Emits TOTAL_LINES on a 100k lines/s schedule, as fast as flow control allows when behind it. */
function syntheticLogs(stats: PauseStats): StreamSource<LogsMessage> {
  let timer: NodeJS.Timeout | null = null;
  let paused = false;
  let sent = 0;
  let startedAt = 0;
  return {
    start(sink) {
      sink.emit({
        type: 'sources',
        sources: ['trainer', 'loader'].map((service, index) => ({
          index,
          containerId: `bench${index}`,
          name: `bench-${service}-1`,
          service,
          project: 'bench',
          tty: false,
        })),
      });
      startedAt = performance.now();
      timer = setInterval(() => {
        const due = Math.min(TOTAL_LINES, Math.floor(((performance.now() - startedAt) / 1000) * LINES_PER_SECOND));
        while (!paused && sent < due) {
          const lines: LogLine[] = [];
          for (let n = 0; n < BATCH && sent < due; n++, sent++) lines.push(syntheticLine(sent));
          sink.emit(encodeLines(lines));
        }
        if (sent >= TOTAL_LINES && timer) clearInterval(timer);
      }, TICK_MS);
    },
    pause: () => {
      paused = true;
      stats.count++;
      stats.since = performance.now();
    },
    resume: () => {
      paused = false;
      stats.totalMs += performance.now() - stats.since;
    },
    dispose: () => {
      if (timer) clearInterval(timer);
    },
  };
}

const EPOCH_SECONDS = Date.UTC(2024, 4, 1) / 1000;

/** Training-log-like lines: mostly plain, some progress bars (carriage returns) and colored warnings on stderr. */
function syntheticLine(n: number): LogLine {
  const seconds = new Date((EPOCH_SECONDS + Math.floor(n / 100_000)) * 1000).toISOString().slice(0, 19);
  const time = `${seconds}.${String((n % 100_000) * 10_000).padStart(9, '0')}Z`;
  if (n % 50 === 0)
    return { time, source: 1, stream: 'stderr', text: `\u001b[33mWARN\u001b[0m batch ${n} slow: 12.5 ms` };
  if (n % 20 === 0) return { time, source: 0, stream: 'stdout', text: `epoch 3 step ${n}: 45%|████▌     | 450/1000\r` };
  return {
    time,
    source: n % 3 === 0 ? 1 : 0,
    stream: 'stdout',
    text: `step ${n} loss=0.${n % 9973} lr=3e-4 throughput=1234.5 samples/s`,
  };
}

export async function run(): Promise<BenchResult> {
  const rendererDir = path.resolve(__dirname, '../out/renderer');
  if (!existsSync(path.join(rendererDir, 'index.html')))
    throw new Error('build the renderer first: npx electron-vite build');
  const docker = await benchEngine();
  const project = `berth-bench-viewer-${randomUUID().slice(0, 8)}`;
  const container = await docker.createContainer({
    Image: TEST_IMAGE,
    name: `${project}-trainer-1`,
    Cmd: ['sleep', '300'],
    Labels: { 'com.docker.compose.project': project, 'com.docker.compose.service': 'trainer' },
    HostConfig: { NetworkMode: 'none' },
  });
  const backend = await createBridgeServices();
  const pauses: PauseStats = { count: 0, totalMs: 0, since: 0 };
  const bridge = await startBridge({
    rendererDir,
    operations: backend.operations,
    streams: { ...backend.streams, logs: () => syntheticLogs(pauses) },
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    await container.start();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(bridge.pageUrl);
    await page.getByTestId('nav-logs').click();
    const option = page.getByTestId('logs-target').locator('option', { hasText: `Project ${project}` });
    await option.waitFor({ state: 'attached', timeout: 15_000 });
    // A string: it runs through the DevTools protocol, which the page's CSP (no eval) doesn't stop.
    await page.evaluate(`
      window.longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((entry) => window.longTasks.push(entry.duration)))
        .observe({ type: 'longtask' });
    `);
    const start = performance.now();
    await page.getByTestId('logs-target').selectOption((await option.getAttribute('value')) ?? '');
    await page.waitForFunction(
      (total) => {
        const { document } = globalThis as unknown as PageDocument;
        // No named inner functions: tsx would wrap them in a helper the page doesn't have.
        const count = document.querySelector('[data-testid="logs-line-count"]')?.textContent ?? '';
        const dropped = document.querySelector('[data-testid="logs-dropped"]')?.textContent ?? '';
        return Number(/(\d+) lines/.exec(count)?.[1] ?? 0) + Number(dropped.replace(/\D/g, '')) >= total;
      },
      TOTAL_LINES,
      { timeout: 120_000, polling: 100 },
    );
    const berthMs = performance.now() - start;
    const longTasks = (await page.evaluate('window.longTasks')) as number[];
    const over50 = longTasks.filter((duration) => duration > 50);
    const referenceMs = (TOTAL_LINES / LINES_PER_SECOND) * 1000;
    return {
      name: `Logs viewer ingest, ${TOTAL_LINES.toLocaleString('en-US')} lines at ${LINES_PER_SECOND.toLocaleString('en-US')} lines/s`,
      berthMs,
      referenceMs,
      ratio: berthMs / referenceMs,
      detail:
        `long tasks > 50 ms: ${over50.length} (max ${Math.max(0, ...longTasks).toFixed(0)} ms, goal 0); ` +
        `delivered at ${Math.round(TOTAL_LINES / (berthMs / 1000)).toLocaleString('en-US')} lines/s vs the 100,000 lines/s schedule; ` +
        `flow control paused the producer ${pauses.count} times, ${((pauses.totalMs / berthMs) * 100).toFixed(0)}% of the time ` +
        `(at most ${streams.logs.flow.highWatermark.toLocaleString('en-US')} serialized chars unacknowledged); ` +
        `view bounded at 100,000 lines (older ones counted as dropped)`,
    };
  } finally {
    await browser.close();
    await bridge.close();
    await backend.dispose();
    await container.remove({ force: true }).catch(() => undefined);
  }
}
