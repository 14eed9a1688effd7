import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium';
import { startServer, type TestServer } from './in-process-server';

/** A test file's server and Chromium, started once; read them inside tests (they exist from beforeAll on). */
export function useChromium(options?: Parameters<typeof startServer>[0]) {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer(options);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server(): TestServer {
      if (!server) throw new Error('the server starts in beforeAll');
      return server;
    },
    get browser(): Browser {
      if (!browser) throw new Error('Chromium starts in beforeAll');
      return browser;
    },
  };
}
