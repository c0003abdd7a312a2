import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';
import type { Admin } from 'kafkajs';
import { parseConfig } from '@lanes/gateway/config';
import { startGateway, type RunningGateway } from '@lanes/gateway/gateway';

const webDir = fileURLToPath(new URL('../apps/web/dist', import.meta.url));

export interface LanesFixtures {
  /** A gateway with its own embedded broker, serving the built dashboard, for this test file's worker. */
  lanes: RunningGateway;
  /** The gateway's kafkajs admin client: what Kafka really holds, to compare with the screen. */
  admin: Admin;
}

export const test = base.extend<object, LanesFixtures>({
  lanes: [
    // Playwright reads a fixture's dependencies from this destructuring, so "none" must be `{}`.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      if (!existsSync(`${webDir}/index.html`)) throw new Error('The dashboard is not built: run `pnpm build:web` first.');
      const gateway = await startGateway(parseConfig({ port: 0, brokerPort: 0, webDir, logLevel: 'error' }));
      await use(gateway);
      await gateway.close();
    },
    { scope: 'worker' },
  ],
  admin: [async ({ lanes }, use) => use(lanes.services.admin), { scope: 'worker' }],
});

export { expect };
