import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Api } from './api-client';
import { launchChromium } from './chromium';
import type { TestServer } from './in-process-server';
import { useServer } from './use-server';

/** A test file's server and Chromium, started once; read them inside tests (they exist from beforeAll on). */
export function useChromium(options?: Parameters<typeof useServer>[0]) {
  const served = useServer(options);
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  // Registered after the server's: Chromium closes first.
  afterAll(() => browser?.close());
  return {
    get server(): TestServer {
      return served.server;
    },
    /** The API with the admin token, as in useServer. */
    get api(): Api {
      return served.api;
    },
    get browser(): Browser {
      if (!browser) throw new Error('Chromium starts in beforeAll');
      return browser;
    },
  };
}
