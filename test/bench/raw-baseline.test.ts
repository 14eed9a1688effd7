import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startBaseline, type Running } from '../../bench/processes';

describe('the fan-out bench’s raw baseline', () => {
  let baseline: Running;
  beforeAll(async () => {
    baseline = await startBaseline();
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset if beforeAll failed before assigning it
  afterAll(() => baseline?.stop());

  it('sends every client each body as is, framed once, whatever its length', async () => {
    const clients = await Promise.all(
      Array.from({ length: 3 }, () => {
        const ws = new WebSocket(baseline.url.replace('http', 'ws'));
        const messages: string[] = [];
        ws.on('message', (data, binary) => messages.push(`${binary ? 'binary' : 'text'}:${(data as Buffer).toString()}`));
        return new Promise<{ ws: WebSocket; messages: string[] }>((resolve, reject) => {
          ws.once('open', () => resolve({ ws, messages }));
          ws.once('error', reject);
        });
      }),
    );
    // Each length field: 7 bits up to 125, 16 bits up to 65,535, 64 bits beyond.
    const bodies = [0, 1, 125, 126, 65_535, 65_536, 200_000].map((n) => 'é'.repeat(n / 2) + 'x'.repeat(n % 2));
    for (const body of bodies) {
      const response = await fetch(`${baseline.url}/broadcast`, { method: 'POST', body });
      expect(response.status).toBe(204);
    }
    const want = bodies.map((body) => `text:${body}`);
    for (const client of clients) {
      await expect.poll(() => client.messages.length, { timeout: 5000 }).toBe(bodies.length);
      expect(client.messages).toEqual(want);
      client.ws.close();
    }
  });
});
