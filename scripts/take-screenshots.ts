/**
 * Regenerates docs/screenshot-{light,dark}.png: the real UI, served by the test bridge against the
 * real engine, with a few labelled busybox containers standing in for an ML stack.
 * Run: npm run build && npx tsx scripts/take-screenshots.ts
 */
import path from 'node:path';
import { chromium } from '@playwright/test';
import Docker from 'dockerode';
import { CHROMIUM_PATH } from '../playwright.config';
import { startBridge } from '../tests/support/bridge/bridge-server';
import { createBridgeServices } from '../tests/support/bridge/bridge-services';
import { TEST_IMAGE } from '../tests/support/require-engine';

const DEMO = [
  { project: 'mlflow', service: 'db', port: undefined },
  { project: 'mlflow', service: 'minio', port: 19001 },
  { project: 'mlflow', service: 'tracking', port: 15000 },
  { project: 'vllm-gateway', service: 'gateway', port: 18080 },
  { project: 'vllm-gateway', service: 'redis', port: undefined },
];

async function main(): Promise<void> {
  const docker = new Docker();
  const containers: Docker.Container[] = [];
  const backend = await createBridgeServices();
  const bridge = await startBridge({
    rendererDir: path.resolve(__dirname, '../out/renderer'),
    handlers: backend.handlers,
    streams: backend.services.streams,
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    for (const { project, service, port } of DEMO) {
      const container = await docker.createContainer({
        Image: TEST_IMAGE,
        name: `${project}-${service}-1`,
        Cmd: port ? ['httpd', '-f', '-p', '8000'] : ['sleep', '600'],
        Labels: {
          'com.docker.compose.project': project,
          'com.docker.compose.service': service,
          'com.docker.compose.container-number': '1',
        },
        ExposedPorts: port ? { '8000/tcp': {} } : undefined,
        HostConfig: port
          ? { PortBindings: { '8000/tcp': [{ HostIp: '127.0.0.1', HostPort: String(port) }] } }
          : undefined,
      });
      containers.push(container);
      if (service !== 'redis') await container.start();
    }
    for (const theme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, colorScheme: theme });
      await page.goto(bridge.pageUrl);
      await page.getByTestId('container-group').first().waitFor();
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.resolve(__dirname, `../docs/screenshot-${theme}.png`) });
      await page.close();
    }
  } finally {
    await browser.close();
    await bridge.close();
    await backend.dispose();
    await Promise.all(containers.map((container) => container.remove({ force: true }).catch(() => undefined)));
  }
}

void main();
