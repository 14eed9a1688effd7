import { afterAll, afterEach, beforeAll } from 'vitest';
import { api, type Api } from './api-client';
import { BoardClient } from './board-client';
import { startServer, type TestServer } from './in-process-server';

/**
 * A test file's server, started once, and the dashboards its tests connect, closed after each
 * test. Read `server` inside tests, not at the top of the file: it exists from beforeAll on.
 */
export function useServer(options?: Parameters<typeof startServer>[0]) {
  let server: TestServer | undefined;
  const clients: BoardClient[] = [];
  beforeAll(async () => {
    server = await startServer(options);
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });
  afterAll(() => server?.close());
  return {
    get server(): TestServer {
      if (!server) throw new Error('the server starts in beforeAll');
      return server;
    },
    /** The API with the admin token; `api.get(path, { token: null })` goes without. */
    get api(): Api {
      return api(this.server);
    },
    connect(clientOptions?: ConstructorParameters<typeof BoardClient>[1]): BoardClient {
      const client = new BoardClient(this.server.url, clientOptions);
      clients.push(client);
      return client;
    },
  };
}
